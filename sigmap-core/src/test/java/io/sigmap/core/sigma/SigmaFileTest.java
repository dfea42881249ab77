package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SigmaFileTest {

  @Test
  void rulesErrorsAndHasErrors() {
    String doc = "title: a\n" + SigmaReaderErrorsTest.OK;
    SigmaFile f = SigmaReader.create().readString(doc + "---\n- not a rule\n---\n" + doc, "f.yml");
    assertEquals(3, f.results().size());
    assertEquals(2, f.rules().size());
    assertEquals(1, f.errors().size());
    assertEquals(1, f.errors().get(0).documentIndex());
    assertTrue(f.hasErrors());
    assertFalse(SigmaReader.create().readString(doc, "g.yml").hasErrors());
  }

  @Test
  void accounting_resultsPerDocument() {
    String doc = "title: a\n" + SigmaReaderErrorsTest.OK;
    SigmaFile f = SigmaReader.create().readString(
        "action: global\nlevel: low\n---\n" + doc + "---\n---\naction: reset\n---\n" + doc, "f.yml");
    assertEquals(5, f.documents());
    assertEquals(2, f.controlDocuments());
    assertEquals(1, f.skippedDocuments());
    assertEquals(f.documents() - f.controlDocuments() - f.skippedDocuments(), f.results().size());
    assertEquals(List.of(1, 4), List.of(f.results().get(0).documentIndex(), f.results().get(1).documentIndex()));
  }

  @Test
  void constructor_needsAResult() {
    assertThrows(IllegalArgumentException.class, () -> new SigmaFile("p", List.of(), 0, 0, 0, List.of(), ""));
    SigmaReadResult failed = new SigmaReadResult.Failed(
        new SigmaRuleException("p", 0, 0, 0, SigmaErrorKind.EMPTY, "the file is empty", null));
    assertThrows(IllegalArgumentException.class, () -> new SigmaFile("p", List.of(failed), -1, 0, 0, List.of(), ""));
  }
}
