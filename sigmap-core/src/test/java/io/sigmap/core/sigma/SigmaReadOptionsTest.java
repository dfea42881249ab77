package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SigmaReadOptionsTest {

  @Test
  void defaults() {
    SigmaReadOptions d = SigmaReadOptions.DEFAULT;
    assertEquals(4L * 1024 * 1024, d.maxFileBytes());
    assertEquals(1_000, d.maxDocumentsPerFile());
    assertEquals(1024 * 1024, d.maxDocumentCodePoints());
    assertEquals(64, d.maxNestingDepth());
    assertEquals(100, d.maxAliases());
    assertEquals(100_000, d.maxNodes());
    assertEquals(256 * 1024, d.maxScalarLength());
    assertEquals(1_000, d.maxTags());
    assertEquals(1, d.parallelism());
    assertFalse(d.followLinks());
    assertFalse(d.strict());
  }

  @Test
  void toBuilder_roundTrips() {
    SigmaReadOptions o = SigmaReadOptions.builder().maxFileBytes(10).maxDocumentsPerFile(2)
        .maxDocumentCodePoints(3).maxNestingDepth(4).maxAliases(0).maxNodes(6).maxScalarLength(7).maxTags(0)
        .parallelism(9).followLinks(true).strict(true).build();
    SigmaReadOptions copy = o.toBuilder().build();
    assertEquals(o.toString(), copy.toString());
    assertEquals("SigmaReadOptions[maxFileBytes=10, maxDocumentsPerFile=2, maxDocumentCodePoints=3,"
        + " maxNestingDepth=4, maxAliases=0, maxNodes=6, maxScalarLength=7, maxTags=0, parallelism=9,"
        + " followLinks=true, strict=true]", o.toString());
    assertTrue(copy.strict());
    assertEquals(SigmaReadOptions.DEFAULT.toString(), SigmaReadOptions.builder().build().toString());
  }

  @Test
  void builder_rejectsOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> SigmaReadOptions.builder().maxFileBytes(0));
    assertThrows(IllegalArgumentException.class, () -> SigmaReadOptions.builder().maxDocumentsPerFile(0));
    assertThrows(IllegalArgumentException.class, () -> SigmaReadOptions.builder().maxDocumentCodePoints(0));
    assertThrows(IllegalArgumentException.class, () -> SigmaReadOptions.builder().maxNestingDepth(0));
    assertThrows(IllegalArgumentException.class, () -> SigmaReadOptions.builder().maxNestingDepth(1001));
    assertThrows(IllegalArgumentException.class, () -> SigmaReadOptions.builder().maxAliases(-1));
    assertThrows(IllegalArgumentException.class, () -> SigmaReadOptions.builder().maxNodes(0));
    assertThrows(IllegalArgumentException.class, () -> SigmaReadOptions.builder().maxScalarLength(0));
    assertThrows(IllegalArgumentException.class, () -> SigmaReadOptions.builder().maxTags(-1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SigmaReadOptions.builder().parallelism(0));
    assertEquals("parallelism must be at least 1: 0", e.getMessage());
  }

  @Test
  void maxAliasesZero_refusesEveryAlias() {
    SigmaReader r = SigmaReader.create(SigmaReadOptions.builder().maxAliases(0).build());
    SigmaRuleException e = SigmaReaderTest.onlyError(
        r.readString("title: &t x\nlogsource: {product: *t}\ndetection: {s: [k], condition: s}\n", "a.yml"));
    assertEquals(SigmaErrorKind.LIMIT_EXCEEDED, e.kind());
  }
}
