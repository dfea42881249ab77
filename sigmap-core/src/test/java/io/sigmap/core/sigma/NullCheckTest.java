package io.sigmap.core.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** Every public entry point rejects a null argument with a {@link NullPointerException} naming it. */
class NullCheckTest {

  private static final SigmaReader READER = SigmaReader.create();

  private static void npe(String name, Executable call) {
    NullPointerException e = assertThrows(NullPointerException.class, call, name);
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), name + ": message names the argument");
  }

  @Test
  void reader_entryPoints() {
    npe("create", () -> SigmaReader.create(null));
    npe("readFile", () -> READER.readFile(null));
    npe("readDirectory", () -> READER.readDirectory(null));
    npe("streamDirectory", () -> READER.streamDirectory(null));
    npe("read", () -> READER.read(null));
    npe("readString yaml", () -> READER.readString(null, "n"));
    npe("readString name", () -> READER.readString("", null));
    npe("readBytes bytes", () -> READER.readBytes(null, "n"));
    npe("readBytes name", () -> READER.readBytes(new byte[0], null));
    npe("readStream in", () -> READER.readStream(null, "n"));
    npe("readStream name", () -> READER.readStream(new ByteArrayInputStream(new byte[0]), null));
  }

  @Test
  void staticFactoriesAndLookups() {
    npe("SigmaTag.of", () -> SigmaTag.of(null));
    npe("SigmaTag.of located", () -> SigmaTag.of(null, 1, 1));
    npe("SigmaTag.classifyAttack", () -> SigmaTag.classifyAttack(null));
    npe("SigmaCondition.parse", () -> SigmaCondition.parse(null));
    npe("SigmaStatus.fromId", () -> SigmaStatus.fromId(null));
    npe("SigmaLevel.fromId", () -> SigmaLevel.fromId(null));
    npe("CorrelationType.fromId", () -> CorrelationType.fromId(null));
    npe("SigmaValue.Scalar.of", () -> SigmaValue.Scalar.of(null));
    npe("SigmaMetadata.ofTitle", () -> SigmaMetadata.ofTitle(null));
    Detection d = new Detection(Map.of(), List.of(), Optional.empty());
    npe("Detection.search", () -> d.search(null));
    npe("Detection.matching", () -> d.matching(null));
    npe("SigmaRuleException path", () -> new SigmaRuleException(null, 0, 0, 0, SigmaErrorKind.IO, "x", null));
    npe("SigmaRuleException kind", () -> new SigmaRuleException("p", 0, 0, 0, null, "x", null));
    npe("SigmaRuleException detail", () -> new SigmaRuleException("p", 0, 0, 0, SigmaErrorKind.IO, null, null));
  }

  /** Valid sample values by type, to build every public record with one null component at a time. */
  private static Object sample(Class<?> type) {
    if (type == String.class) {
      return "x";
    }
    if (type == int.class) {
      return 1;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == Optional.class) {
      return Optional.empty();
    }
    if (type == List.class) {
      return List.of();
    }
    if (type == Map.class) {
      return Map.of();
    }
    if (type == UUID.class) {
      return new UUID(1, 2);
    }
    if (type == Duration.class) {
      return Duration.ofMinutes(5);
    }
    if (type == LocalDate.class) {
      return LocalDate.of(2024, 1, 2);
    }
    if (type == Path.class) {
      return Path.of("x");
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type == SigmaMetadata.class) {
      return SigmaMetadata.ofTitle("x");
    }
    if (type == SigmaSource.class) {
      return new SigmaSource("p", 0, 1, "text", false);
    }
    if (type == Logsource.class) {
      return Logsource.EMPTY;
    }
    if (type == Detection.class) {
      return new Detection(Map.of(), List.of(), Optional.empty());
    }
    if (type == Correlation.class) {
      return new Correlation(CorrelationType.TEMPORAL, List.of("r"), List.of(), Duration.ofMinutes(1),
          Optional.empty(), Map.of(), false);
    }
    if (type == SearchNode.class) {
      return new SearchNode.AllOf(List.of());
    }
    if (type == ConditionExpression.class) {
      return new ConditionExpression.Identifier("a");
    }
    if (type == SigmaValue.class) {
      return SigmaValue.Scalar.of("v");
    }
    if (type == SigmaRule.class) {
      return new CorrelationRule(SigmaMetadata.ofTitle("x"), (Correlation) sample(Correlation.class),
          (SigmaSource) sample(SigmaSource.class), List.of());
    }
    if (type == SigmaRuleException.class) {
      return new SigmaRuleException("p", 0, 0, 0, SigmaErrorKind.IO, "x", null);
    }
    throw new IllegalStateException("no sample for " + type);
  }

  private static final List<Class<?>> RECORDS = List.of(SigmaValue.Scalar.class, SigmaValue.Sequence.class,
      SigmaValue.Mapping.class, SigmaTag.class, SigmaRelated.class, SigmaSource.class, SigmaWarning.class,
      Logsource.class, SigmaCondition.class, ConditionExpression.And.class, ConditionExpression.Or.class,
      ConditionExpression.Not.class, ConditionExpression.Identifier.class, ConditionExpression.Quantified.class,
      SearchNode.AllOf.class, SearchNode.AnyOf.class, SearchNode.FieldMatch.class, SearchIdentifier.class,
      Detection.class, Correlation.class, CorrelationCondition.class, SigmaMetadata.class, DetectionRule.class,
      CorrelationRule.class, FilterRule.class, SigmaReadResult.Parsed.class, SigmaReadResult.Failed.class,
      SigmaFile.class);

  @Test
  void records_allPublicRecordsAreListed() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String name : List.of("SigmaValue", "SigmaTag", "SigmaRelated", "SigmaSource", "SigmaWarning", "Logsource",
        "SigmaCondition", "ConditionExpression", "SearchNode", "SearchIdentifier", "Detection", "Correlation",
        "CorrelationCondition", "SigmaMetadata", "DetectionRule", "CorrelationRule", "FilterRule",
        "SigmaReadResult", "SigmaFile")) {
      Class<?> c = Class.forName("io.sigmap.core.sigma." + name);
      List<Class<?>> all = new ArrayList<>(List.of(c.getDeclaredClasses()));
      all.add(c);
      for (Class<?> k : all) {
        if (k.isRecord() && Modifier.isPublic(k.getModifiers()) && !RECORDS.contains(k)) {
          missing.add(k.getName());
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @TestFactory
  List<DynamicTest> records_rejectNullComponents() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<?> record : RECORDS) {
      RecordComponent[] components = record.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
      }
      for (int i = 0; i < components.length; i++) {
        if (types[i].isPrimitive()) {
          continue;
        }
        int nullAt = i;
        tests.add(DynamicTest.dynamicTest(record.getSimpleName() + "." + components[i].getName(), () -> {
          Constructor<?> ctor = record.getDeclaredConstructor(types);
          Object[] args = new Object[types.length];
          Parameter[] params = ctor.getParameters();
          for (int j = 0; j < args.length; j++) {
            args[j] = j == nullAt ? null : sampleFor(record, params[j].getType(), j);
          }
          try {
            ctor.newInstance(args);
          } catch (InvocationTargetException e) {
            assertTrue(e.getCause() instanceof NullPointerException,
                record.getSimpleName() + " with null " + components[nullAt].getName() + " threw " + e.getCause());
            return;
          }
          throw new AssertionError(record.getSimpleName() + " accepted null " + components[nullAt].getName());
        }));
      }
    }
    return tests;
  }

  private static Object sampleFor(Class<?> record, Class<?> type, int index) {
    if ((record == ConditionExpression.And.class || record == ConditionExpression.Or.class) && type == List.class) {
      return List.of(new ConditionExpression.Identifier("a"), new ConditionExpression.Identifier("b"));
    }
    if (record == SigmaFile.class && type == List.class && index == 1) {
      return List.of(new SigmaReadResult.Failed((SigmaRuleException) sample(SigmaRuleException.class)));
    }
    return sample(type);
  }
}
