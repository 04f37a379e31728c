/// The JSON Schema (draft 2020-12) of `assay.document/v1`. The test suite validates every golden
/// output against it, so the schema and the Swift contract types cannot drift apart unnoticed.
public enum ContractSchema {
    public static let json = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "assay.document/v1",
  "title": "Assay contract document",
  "type": "object",
  "required": ["schema", "source"],
  "properties": {
    "schema": { "const": "assay.document/v1" },
    "source": {
      "type": "object",
      "required": ["path"],
      "properties": {
        "path": { "type": "string" },
        "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
        "media_type": { "enum": ["application/pdf", "text/html", "text/plain"] },
        "bytes": { "type": "integer", "minimum": 0 },
        "pages": { "type": "integer", "minimum": 0 },
        "text_layer": { "enum": ["native", "ocr", "mixed", "none"] }
      }
    },
    "document": {
      "type": "object",
      "required": ["kind", "type", "confidence"],
      "properties": {
        "kind": { "enum": ["soc1", "soc2", "soc3", "iso_certificate", "bridge_letter", "trust_page", "other_assurance", "unknown"] },
        "type": { "enum": ["type1", "type2", null] },
        "confidence": { "$ref": "#/$defs/confidence" },
        "title": { "type": ["string", "null"] }
      }
    },
    "fields": {
      "type": "object",
      "additionalProperties": {
        "type": "object",
        "required": ["value", "confidence", "evidence"],
        "properties": {
          "value": { "type": ["string", "array"], "items": { "type": "string" } },
          "confidence": { "$ref": "#/$defs/confidence" },
          "evidence": { "$ref": "#/$defs/evidenceList" }
        }
      }
    },
    "sections": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["kind", "title", "first_page", "last_page", "confidence"],
        "properties": {
          "kind": { "type": "string" },
          "title": { "type": "string" },
          "first_page": { "type": "integer", "minimum": 1 },
          "last_page": { "type": "integer", "minimum": 1 },
          "confidence": { "$ref": "#/$defs/confidence" }
        }
      }
    },
    "testing": {
      "type": "object",
      "required": ["status", "controls", "results_read", "exceptions"],
      "properties": {
        "status": { "enum": ["read", "partial", "unreadable", "absent"] },
        "controls": { "type": "integer", "minimum": 0 },
        "results_read": { "type": "integer", "minimum": 0 },
        "exceptions": { "type": "integer", "minimum": 0 },
        "first_page": { "type": ["integer", "null"], "minimum": 1 },
        "last_page": { "type": ["integer", "null"], "minimum": 1 },
        "tests": { "type": "integer", "minimum": 0 },
        "tests_by_method": {
          "type": "object",
          "required": ["inquiry", "observation", "inspection", "reperformance", "recalculation"],
          "properties": {
            "inquiry": { "type": "integer", "minimum": 0 },
            "observation": { "type": "integer", "minimum": 0 },
            "inspection": { "type": "integer", "minimum": 0 },
            "reperformance": { "type": "integer", "minimum": 0 },
            "recalculation": { "type": "integer", "minimum": 0 }
          }
        },
        "inquiry_only_share": { "type": "number", "minimum": 0, "maximum": 1 }
      }
    },
    "controls": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["control_id", "text", "criteria", "tests", "confidence", "evidence"],
        "properties": {
          "control_id": { "type": ["string", "null"] },
          "text": { "type": "string" },
          "criteria": { "type": "array", "items": { "type": "string" } },
          "tests": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["text", "methods", "population", "sample_size", "result", "result_text", "evidence"],
              "properties": {
                "text": { "type": "string" },
                "methods": { "type": "array", "items": { "enum": ["inquiry", "observation", "inspection", "reperformance", "recalculation"] } },
                "population": { "type": ["integer", "null"], "minimum": 0 },
                "sample_size": { "type": ["integer", "null"], "minimum": 0 },
                "result": { "enum": ["no_exception", "exception", "not_tested", "unread"] },
                "result_text": { "type": ["string", "null"] },
                "evidence": { "$ref": "#/$defs/evidenceList" }
              }
            }
          },
          "confidence": { "$ref": "#/$defs/confidence" },
          "evidence": { "$ref": "#/$defs/evidenceList" }
        }
      }
    },
    "csocs": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["text", "subservice_organization", "criteria", "confidence", "evidence"],
        "properties": {
          "text": { "type": "string" },
          "subservice_organization": { "type": ["string", "null"] },
          "criteria": { "type": "array", "items": { "type": "string" } },
          "confidence": { "$ref": "#/$defs/confidence" },
          "evidence": { "$ref": "#/$defs/evidenceList" }
        }
      }
    },
    "reliability": {
      "type": "object",
      "required": ["signals"],
      "properties": {
        "signals": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["code", "explanation", "evidence"],
            "properties": {
              "code": { "type": "string" },
              "explanation": { "type": "string" },
              "evidence": { "$ref": "#/$defs/evidenceList" },
              "value": { "type": ["number", "null"] },
              "threshold": { "type": ["number", "null"] },
              "finding": { "type": ["string", "null"] }
            }
          }
        }
      }
    },
    "cuec_reconciliation": {
      "type": "object",
      "required": ["register", "matches"],
      "properties": {
        "register": { "type": "string" },
        "threshold": { "$ref": "#/$defs/confidence" },
        "matches": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["cuec", "controls"],
            "properties": {
              "cuec": { "type": "integer", "minimum": 0 },
              "status": { "enum": ["matched", "unmatched"] },
              "controls": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["id", "score", "reason"],
                  "properties": {
                    "id": { "type": "string" },
                    "score": { "$ref": "#/$defs/confidence" },
                    "reason": { "type": "string" },
                    "text": { "type": "string" }
                  }
                }
              }
            }
          }
        }
      }
    },
    "exceptions": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["control_id", "criteria", "control", "test", "deviation", "management_response", "confidence", "evidence"],
        "properties": {
          "control_id": { "type": ["string", "null"] },
          "criteria": { "type": "array", "items": { "type": "string" } },
          "control": { "type": "string" },
          "test": { "type": "string" },
          "deviation": { "type": "string" },
          "management_response": { "type": ["string", "null"] },
          "confidence": { "$ref": "#/$defs/confidence" },
          "evidence": { "$ref": "#/$defs/evidenceList" },
          "sample_size": { "type": ["integer", "null"], "minimum": 1 },
          "deviations": { "type": ["integer", "null"], "minimum": 1 },
          "deviation_rate": { "type": ["number", "null"], "minimum": 0, "maximum": 1 }
        }
      }
    },
    "subservice_organizations": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["name", "services", "method", "confidence", "evidence"],
        "properties": {
          "name": { "type": "string" },
          "services": { "type": "string" },
          "method": { "enum": ["carve_out", "inclusive"] },
          "confidence": { "$ref": "#/$defs/confidence" },
          "evidence": { "$ref": "#/$defs/evidenceList" }
        }
      }
    },
    "cuecs": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["text", "criteria", "confidence", "evidence"],
        "properties": {
          "text": { "type": "string" },
          "criteria": { "type": "array", "items": { "type": "string" } },
          "confidence": { "$ref": "#/$defs/confidence" },
          "evidence": { "$ref": "#/$defs/evidenceList" }
        }
      }
    },
    "claims": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["kind", "confidence", "evidence"],
        "properties": {
          "kind": { "enum": ["soc1", "soc2", "soc3", "iso_certificate", "bridge_letter", "trust_page", "other_assurance", "unknown"] },
          "type": { "enum": ["type1", "type2", null] },
          "standard": { "type": ["string", "null"] },
          "period_end": { "type": ["string", "null"] },
          "expiry_date": { "type": ["string", "null"] },
          "confidence": { "$ref": "#/$defs/confidence" },
          "evidence": { "$ref": "#/$defs/evidenceList" }
        }
      }
    },
    "findings": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["code", "severity", "message", "follow_up", "evidence"],
        "properties": {
          "code": { "type": "string", "pattern": "^[a-z0-9_]+(\\.[a-z0-9_]+)+$" },
          "severity": { "enum": ["high", "medium", "low", "info"] },
          "message": { "type": "string" },
          "follow_up": { "type": ["string", "null"] },
          "evidence": { "$ref": "#/$defs/evidenceList" }
        }
      }
    },
    "clauses": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["id", "text", "because"],
        "properties": {
          "id": { "type": "string" },
          "text": { "type": "string" },
          "because": { "type": "array", "items": { "type": "string" } }
        }
      }
    },
    "obligations": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["framework", "reference", "title", "status", "rationale", "because"],
        "properties": {
          "framework": { "enum": ["NIS2", "DORA", "GDPR"] },
          "reference": { "type": "string" },
          "title": { "type": "string" },
          "status": { "enum": ["supports", "partial", "gap", "not_evidenced"] },
          "rationale": { "type": "string" },
          "because": { "type": "array", "items": { "type": "string" } }
        }
      }
    },
    "diagnostics": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["level", "code", "message"],
        "properties": {
          "level": { "enum": ["info", "warning", "error"] },
          "code": { "type": "string" },
          "message": { "type": "string" }
        }
      }
    },
    "error": {
      "type": "object",
      "required": ["code", "message"],
      "properties": {
        "code": { "enum": ["not_found", "unreadable", "empty", "unsupported_media_type", "malformed", "encrypted", "timeout", "too_large", "crashed"] },
        "message": { "type": "string" }
      }
    }
  },
  "$defs": {
    "confidence": { "type": "number", "minimum": 0, "maximum": 1 },
    "evidenceList": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["page", "quote"],
        "properties": {
          "page": { "type": "integer", "minimum": 1 },
          "quote": { "type": "string" },
          "bbox": { "type": "array", "items": { "type": "number" }, "minItems": 4, "maxItems": 4 },
          "source": { "enum": ["image"] }
        }
      }
    }
  }
}
"""#
}
