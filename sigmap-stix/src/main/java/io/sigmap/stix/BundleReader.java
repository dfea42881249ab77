package io.sigmap.stix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one STIX bundle with Jackson's streaming parser, keeping only the fields the index needs and skipping
 * the rest (descriptions, citations, analytics) without decoding it. Package-private.
 */
final class BundleReader {

  /** STIX types whose objects the index keeps; the others are counted and skipped unread. */
  private static final Set<String> KEPT_TYPES = Set.of(
      "attack-pattern", "x-mitre-tactic", "x-mitre-matrix", "x-mitre-collection", "relationship",
      "intrusion-set", "malware", "tool", "campaign", "course-of-action", "x-mitre-data-source",
      "x-mitre-data-component", "x-mitre-detection-strategy");

  private final StixReadOptions options;
  private final JsonFactory factory;

  BundleReader(StixReadOptions options) {
    this.options = options;
    this.factory = options.jsonFactory();
  }

  RawBundle read(InputStream in, String source, int index, String versionLabel) {
    try (JsonParser p = factory.createParser(in)) {
      return new Reading(p, new RawBundle(source, index, versionLabel)).bundle();
    } catch (IOException e) {
      throw translate(e, source);
    }
  }

  RawBundle read(byte[] json, String source, int index, String versionLabel) {
    if (json.length > options.maxBundleBytes()) {
      // Jackson checks maxDocumentLength only while it loads input, never for a byte array given whole.
      throw new StixFormatException(source, 0, 0, null, String.format(Locale.ROOT,
          "bundle size (%d bytes) exceeds the maximum allowed (%d, from StixReadOptions.maxBundleBytes())",
          json.length, options.maxBundleBytes()), null);
    }
    try (JsonParser p = factory.createParser(json)) {
      return new Reading(p, new RawBundle(source, index, versionLabel)).bundle();
    } catch (IOException e) {
      throw translate(e, source);
    }
  }

  private StixFormatException translate(IOException e, String source) {
    if (e instanceof JsonProcessingException) {
      JsonProcessingException jpe = (JsonProcessingException) e;
      JsonLocation loc = jpe.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      int col = loc == null ? 0 : loc.getColumnNr();
      String message;
      if (e instanceof StreamConstraintsException) {
        message = constraintMessage(jpe.getOriginalMessage());
      } else if (e instanceof JsonEOFException) {
        message = "truncated JSON: the input ends inside the bundle";
      } else {
        message = "not valid JSON: " + jpe.getOriginalMessage();
      }
      return new StixFormatException(source, line, col, null, message, e);
    }
    return new StixFormatException(source, 0, 0, null, "cannot read the bundle: " + e.getMessage(), e);
  }

  private String constraintMessage(String jackson) {
    String setting;
    if (jackson.contains("MaxStringLength")) {
      setting = "StixReadOptions.maxStringLength(), now " + options.maxStringLength();
    } else if (jackson.contains("MaxNestingDepth")) {
      setting = "StixReadOptions.maxNestingDepth(), now " + options.maxNestingDepth();
    } else if (jackson.contains("MaxDocumentLength")) {
      setting = "StixReadOptions.maxBundleBytes(), now " + options.maxBundleBytes();
    } else {
      setting = "StixReadOptions";
    }
    return "bundle exceeds a read limit: " + jackson + " (set " + setting + ")";
  }

  /** One pass over one bundle. */
  private final class Reading {
    private final JsonParser p;
    private final RawBundle bundle;
    private RawObject scratch;
    /** A relationship's id and modified time, kept as characters until the relationship is known to be kept. */
    private char[] idChars = new char[80];
    private int idLength = -1;
    private char[] modifiedChars = new char[32];
    private int modifiedLength = -1;

    Reading(JsonParser p, RawBundle bundle) {
      this.p = p;
      this.bundle = bundle;
    }

    RawBundle bundle() throws IOException {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw error("empty input: expected a STIX bundle");
      }
      if (t != JsonToken.START_OBJECT) {
        throw error("not a STIX bundle: the top level is " + describe(t) + ", not a JSON object");
      }
      boolean sawObjects = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "type":
            if (v != JsonToken.VALUE_STRING || !"bundle".equals(p.getText())) {
              throw error("not a STIX bundle: \"type\" is " + describeValue(v) + ", not \"bundle\"");
            }
            break;
          case "spec_version":
            if (v == JsonToken.VALUE_STRING) {
              bundle.specVersion = p.getText();
            } else {
              p.skipChildren();
            }
            break;
          case "objects":
            if (v != JsonToken.START_ARRAY) {
              throw error("not a STIX bundle: \"objects\" is " + describe(v) + ", not an array");
            }
            sawObjects = true;
            readObjects();
            break;
          default:
            p.skipChildren();
        }
      }
      if (!sawObjects) {
        throw error("not a STIX bundle: there is no \"objects\" array");
      }
      if (p.nextToken() != null) {
        throw error("unexpected content after the end of the bundle");
      }
      return bundle;
    }

    private void readObjects() throws IOException {
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw error("truncated JSON: the input ends inside the objects array");
        }
        bundle.objectCount++;
        if (bundle.objectCount > options.maxObjects()) {
          throw error(String.format(Locale.ROOT,
              "bundle object count exceeds the maximum allowed (%d, from StixReadOptions.maxObjects())",
              options.maxObjects()));
        }
        if (t != JsonToken.START_OBJECT) {
          RawObject bad = at(new RawObject());
          bad.problem = "an element of \"objects\" is " + describe(t) + ", not an object";
          bad.problemLine = bad.line;
          bad.problemColumn = bad.column;
          p.skipChildren();
          bundle.rejected.add(bad);
          continue;
        }
        // Most objects are relationships the index drops: their holder is reused for the next object.
        RawObject o = at(scratch != null ? scratch : new RawObject());
        scratch = null;
        idLength = -1;
        modifiedLength = -1;
        readObject(o);
        if ((o.type == null || KEPT_TYPES.contains(o.type)) ? !file(o) : true) {
          o.reset();
          scratch = o;
        }
      }
    }

    private RawObject at(RawObject o) {
      o.source = bundle.source;
      o.bundleIndex = bundle.index;
      o.line = tokenLine();
      o.column = tokenColumn();
      return o;
    }

    /** The current token's line; Jackson's own parsers give it without allocating a JsonLocation. */
    private int tokenLine() {
      return p instanceof ParserBase ? ((ParserBase) p).getTokenLineNr() : p.currentTokenLocation().getLineNr();
    }

    private int tokenColumn() {
      return p instanceof ParserBase ? ((ParserBase) p).getTokenColumnNr() : p.currentTokenLocation().getColumnNr();
    }

    /** Keeps the object if the index needs it; returns false for one it drops, whose holder can be reused. */
    private boolean file(RawObject o) {
      if ("relationship".equals(o.type) && !"revoked-by".equals(o.relationshipType)
          && !"subtechnique-of".equals(o.relationshipType)) {
        return false;
      }
      if (idLength >= 0) {
        o.stixId = new String(idChars, 0, idLength);
      }
      if (modifiedLength >= 0) {
        o.modifiedText = new String(modifiedChars, 0, modifiedLength);
      }
      if (o.modifiedText != null && o.problem == null) {
        try {
          o.modified = Timestamps.parse(o.modifiedText);
        } catch (DateTimeParseException e) {
          o.problem = "\"modified\" is not an RFC 3339 timestamp: \"" + o.modifiedText + "\"";
          o.problemLine = o.modifiedLine;
          o.problemColumn = o.modifiedColumn;
        }
      }
      if (o.problem != null || o.type == null) {
        bundle.rejected.add(o); // the assembler reports it
        return true;
      }
      switch (o.type) {
        case "attack-pattern":
          bundle.techniques.add(o);
          break;
        case "x-mitre-tactic":
          bundle.tactics.add(o);
          break;
        case "x-mitre-matrix":
          bundle.matrices.add(o);
          break;
        case "x-mitre-collection":
          if (o.xMitreVersion != null && bundle.collectionVersion == null) {
            bundle.collectionVersion = o.xMitreVersion;
          }
          break;
        case "relationship":
          bundle.relationships.add(o);
          break;
        default:
          bundle.objects.add(o);
      }
      return true;
    }

    /** Reads the fields of one object; the parser is on its START_OBJECT and ends on its END_OBJECT. */
    private void readObject(RawObject o) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "type":
            o.type = string(o, field, v);
            if (o.type != null && !KEPT_TYPES.contains(o.type)) {
              skipRestOfObject();
              return;
            }
            break;
          case "id":
            if (v == JsonToken.VALUE_STRING && "relationship".equals(o.type)) {
              idChars = copy(idChars);
              idLength = p.getTextLength();
            } else {
              o.stixId = string(o, field, v);
            }
            break;
          case "spec_version":
            // STIX 2.1 puts spec_version on each object instead of on the bundle.
            if (v == JsonToken.VALUE_STRING && "unknown".equals(bundle.specVersion)) {
              bundle.specVersion = p.getText();
            } else {
              p.skipChildren();
            }
            break;
          case "name":
            o.name = string(o, field, v);
            break;
          case "modified":
            // Parsed only for the objects the index keeps (see file): most objects are relationships it drops.
            if (v == JsonToken.VALUE_STRING && "relationship".equals(o.type)) {
              modifiedChars = copy(modifiedChars);
              modifiedLength = p.getTextLength();
            } else {
              o.modifiedText = string(o, field, v);
            }
            if (v == JsonToken.VALUE_STRING) {
              o.modifiedLine = tokenLine();
              o.modifiedColumn = tokenColumn();
            }
            break;
          case "x_mitre_version":
            o.xMitreVersion = v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT
                ? p.getText()
                : string(o, field, v);
            break;
          case "x_mitre_shortname":
            o.shortname = string(o, field, v);
            break;
          case "relationship_type":
            o.relationshipType = string(o, field, v);
            if (o.relationshipType != null && !"revoked-by".equals(o.relationshipType)
                && !"subtechnique-of".equals(o.relationshipType) && "relationship".equals(o.type)) {
              skipRestOfObject();
              return;
            }
            break;
          case "source_ref":
            o.sourceRef = string(o, field, v);
            break;
          case "target_ref":
            o.targetRef = string(o, field, v);
            break;
          case "revoked":
            o.revoked = bool(o, field, v);
            break;
          case "x_mitre_deprecated":
            o.deprecated = bool(o, field, v);
            break;
          case "x_mitre_domains":
            o.domains = strings(o, field, v);
            break;
          case "x_mitre_platforms":
            o.platforms = strings(o, field, v);
            break;
          case "tactic_refs":
            o.tacticRefs = strings(o, field, v);
            break;
          case "kill_chain_phases":
            readPhases(o, v);
            break;
          case "external_references":
            if ("relationship".equals(o.type)) {
              p.skipChildren(); // a relationship's references are citations only
            } else {
              readExternalReferences(o, v);
            }
            break;
          default:
            p.skipChildren();
        }
      }
    }

    /** Copies the current string token's characters into a buffer, grown when too small; returns the buffer. */
    private char[] copy(char[] into) throws IOException {
      int n = p.getTextLength();
      char[] buffer = into.length >= n ? into : new char[Math.max(n, into.length * 2)];
      System.arraycopy(p.getTextCharacters(), p.getTextOffset(), buffer, 0, n);
      return buffer;
    }

    private void skipRestOfObject() throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        p.nextToken();
        p.skipChildren();
      }
    }

    private String string(RawObject o, String field, JsonToken v) throws IOException {
      if (v == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      if (v != JsonToken.VALUE_NULL) {
        problem(o, "\"" + field + "\" is " + describe(v) + ", not a string");
        p.skipChildren();
      }
      return null;
    }

    private boolean bool(RawObject o, String field, JsonToken v) throws IOException {
      if (v == JsonToken.VALUE_TRUE) {
        return true;
      }
      if (v != JsonToken.VALUE_FALSE && v != JsonToken.VALUE_NULL) {
        problem(o, "\"" + field + "\" is " + describe(v) + ", not true or false");
        p.skipChildren();
      }
      return false;
    }

    private List<String> strings(RawObject o, String field, JsonToken v) throws IOException {
      if (v == JsonToken.VALUE_NULL) {
        return List.of();
      }
      if (v != JsonToken.START_ARRAY) {
        problem(o, "\"" + field + "\" is " + describe(v) + ", not an array of strings");
        p.skipChildren();
        return List.of();
      }
      List<String> out = new ArrayList<>(4);
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == JsonToken.VALUE_STRING) {
          out.add(p.getText());
        } else {
          problem(o, "\"" + field + "\" holds " + describe(t) + ", not only strings");
          p.skipChildren();
        }
      }
      return out;
    }

    private void readPhases(RawObject o, JsonToken v) throws IOException {
      if (v == JsonToken.VALUE_NULL) {
        return;
      }
      if (v != JsonToken.START_ARRAY) {
        problem(o, "\"kill_chain_phases\" is " + describe(v) + ", not an array");
        p.skipChildren();
        return;
      }
      List<String[]> phases = new ArrayList<>(2);
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_OBJECT) {
          problem(o, "\"kill_chain_phases\" holds " + describe(t) + ", not an object");
          p.skipChildren();
          continue;
        }
        String chain = null;
        String phase = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String f = p.currentName();
          JsonToken fv = p.nextToken();
          if ("kill_chain_name".equals(f)) {
            chain = string(o, "kill_chain_phases[].kill_chain_name", fv);
          } else if ("phase_name".equals(f)) {
            phase = string(o, "kill_chain_phases[].phase_name", fv);
          } else {
            p.skipChildren();
          }
        }
        if (chain == null || phase == null) {
          problem(o, "a kill chain phase lacks its kill_chain_name or phase_name");
        } else {
          phases.add(new String[] {chain, phase});
        }
      }
      o.phases = phases;
    }

    private void readExternalReferences(RawObject o, JsonToken v) throws IOException {
      if (v == JsonToken.VALUE_NULL) {
        return;
      }
      if (v != JsonToken.START_ARRAY) {
        problem(o, "\"external_references\" is " + describe(v) + ", not an array");
        p.skipChildren();
        return;
      }
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_OBJECT) {
          problem(o, "\"external_references\" holds " + describe(t) + ", not an object");
          p.skipChildren();
          continue;
        }
        if (o.attackId != null) {
          p.skipChildren(); // only the first ATT&CK reference counts; citations are skipped unread
          continue;
        }
        readReference(o);
      }
    }

    private void readReference(RawObject o) throws IOException {
      Boolean mitre = null;
      String externalId = null;
      String url = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken fv = p.nextToken();
        if (fv != JsonToken.VALUE_STRING || Boolean.FALSE.equals(mitre)) {
          p.skipChildren();
          continue;
        }
        switch (f) {
          case "source_name":
            String s = p.getText();
            mitre = s.equals("mitre-attack") || s.equals("mitre-mobile-attack") || s.equals("mitre-ics-attack");
            break;
          case "external_id":
            externalId = p.getText();
            break;
          case "url":
            url = p.getText();
            break;
          default:
            // description and the like: not needed
        }
      }
      if (Boolean.TRUE.equals(mitre) && externalId != null) {
        o.attackId = externalId;
        o.url = url;
      }
    }

    private void problem(RawObject o, String message) {
      if (o.problem == null) {
        JsonLocation at = p.currentTokenLocation();
        o.problem = message;
        o.problemLine = at.getLineNr();
        o.problemColumn = at.getColumnNr();
      }
    }

    private StixFormatException error(String message) {
      JsonLocation at = p.currentTokenLocation();
      return new StixFormatException(bundle.source, at.getLineNr(), at.getColumnNr(), null, message, null);
    }

    private String describeValue(JsonToken t) throws IOException {
      return t == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : describe(t);
    }
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.asString() == null ? t.name() : "'" + t.asString() + "'";
    }
  }
}
