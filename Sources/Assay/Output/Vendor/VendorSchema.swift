/// The JSON Schema (draft 2020-12) of `assay.vendors/v1`, the output of `assay vendors`. A test
/// encodes the vendor view of the corpus and checks it against this schema, key by key, both ways.
public enum VendorSchema {
    public static let json = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "assay.vendors/v1",
  "title": "Assay vendor view",
  "type": "object",
  "required": ["schema", "as_of", "vendors"],
  "additionalProperties": false,
  "properties": {
    "schema": { "const": "assay.vendors/v1" },
    "as_of": { "$ref": "#/$defs/date" },
    "vendors": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["name", "slug", "grouped_by", "documents", "timeline", "gaps", "overlaps", "findings", "consistency", "cuecs", "questions", "claims", "scope_drift", "template_matches"],
        "additionalProperties": false,
        "properties": {
          "name": { "type": "string" },
          "slug": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" },
          "grouped_by": { "enum": ["folder", "organization", "unknown"] },
          "documents": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["path", "kind", "type", "organization", "error", "findings"],
              "additionalProperties": false,
              "properties": {
                "path": { "type": "string" },
                "kind": { "enum": ["soc1", "soc2", "soc3", "iso_certificate", "bridge_letter", "trust_page", "unknown"] },
                "type": { "enum": ["type1", "type2", null] },
                "organization": { "type": ["string", "null"] },
                "error": { "type": ["string", "null"] },
                "findings": { "type": "integer", "minimum": 0 }
              }
            }
          },
          "timeline": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["path", "row", "start", "end", "is_point", "evidence"],
              "additionalProperties": false,
              "properties": {
                "path": { "type": "string" },
                "row": { "enum": ["soc1", "soc2", "soc3", "bridge_letter", "certificate"] },
                "start": { "$ref": "#/$defs/date" },
                "end": { "$ref": "#/$defs/date" },
                "is_point": { "type": "boolean" },
                "evidence": { "$ref": "#/$defs/evidenceList" }
              }
            }
          },
          "gaps": { "$ref": "#/$defs/intervalList" },
          "overlaps": { "$ref": "#/$defs/intervalList" },
          "findings": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["code", "severity", "message", "follow_up", "evidence"],
              "additionalProperties": false,
              "properties": {
                "code": { "type": "string", "pattern": "^vendor\\.[a-z0-9_]+$" },
                "severity": { "enum": ["high", "medium", "low", "info"] },
                "message": { "type": "string" },
                "follow_up": { "type": ["string", "null"] },
                "evidence": { "$ref": "#/$defs/evidenceList" }
              }
            }
          },
          "consistency": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["aspect", "status", "values"],
              "additionalProperties": false,
              "properties": {
                "aspect": { "enum": ["legal_entity", "services", "sites"] },
                "status": { "enum": ["consistent", "different", "not_comparable"] },
                "values": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["path", "value", "evidence"],
                    "additionalProperties": false,
                    "properties": {
                      "path": { "type": "string" },
                      "value": { "type": "string" },
                      "evidence": { "$ref": "#/$defs/evidenceList" }
                    }
                  }
                }
              }
            }
          },
          "cuecs": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["text", "criteria", "sources"],
              "additionalProperties": false,
              "properties": {
                "text": { "type": "string" },
                "criteria": { "type": "array", "items": { "type": "string" } },
                "sources": { "$ref": "#/$defs/evidenceList" },
                "own_controls": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": ["id", "score", "reason"],
                    "properties": {
                      "id": { "type": "string" },
                      "score": { "type": "number", "minimum": 0, "maximum": 1 },
                      "reason": { "type": "string" },
                      "text": { "type": "string" }
                    }
                  }
                }
              }
            }
          },
          "questions": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["text", "because", "evidence"],
              "additionalProperties": false,
              "properties": {
                "text": { "type": "string" },
                "because": { "type": "array", "items": { "type": "string" } },
                "evidence": { "$ref": "#/$defs/evidenceList" }
              }
            }
          },
          "claims": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["path", "kind", "type", "standard", "period_end", "expiry_date", "provided_by", "evidence"],
              "additionalProperties": false,
              "properties": {
                "path": { "type": "string" },
                "kind": { "enum": ["soc1", "soc2", "soc3", "iso_certificate", "bridge_letter", "trust_page", "unknown"] },
                "type": { "enum": ["type1", "type2", null] },
                "standard": { "type": ["string", "null"] },
                "period_end": { "anyOf": [{ "$ref": "#/$defs/date" }, { "type": "null" }] },
                "expiry_date": { "anyOf": [{ "$ref": "#/$defs/date" }, { "type": "null" }] },
                "provided_by": { "type": ["string", "null"] },
                "evidence": { "$ref": "#/$defs/evidenceList" }
              }
            }
          },
          "scope_drift": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["aspect", "change", "old_path", "new_path", "old_value", "new_value", "old_evidence", "new_evidence"],
              "additionalProperties": false,
              "properties": {
                "aspect": { "enum": ["system", "locations", "subservice_organizations", "subservice_method", "trust_services_categories", "auditor", "opinion"] },
                "change": { "enum": ["added", "removed", "changed"] },
                "old_path": { "type": "string" },
                "new_path": { "type": "string" },
                "old_value": { "type": ["string", "null"] },
                "new_value": { "type": ["string", "null"] },
                "old_evidence": { "$ref": "#/$defs/evidenceList" },
                "new_evidence": { "$ref": "#/$defs/evidenceList" }
              }
            }
          },
          "template_matches": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["path", "vendor", "other_path", "other_vendor", "similarity"],
              "additionalProperties": false,
              "properties": {
                "path": { "type": "string" },
                "vendor": { "type": "string" },
                "other_path": { "type": "string" },
                "other_vendor": { "type": "string" },
                "similarity": { "type": "number", "minimum": 0, "maximum": 1 }
              }
            }
          }
        }
      }
    }
  },
  "$defs": {
    "date": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
    "evidenceList": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["path", "page", "quote"],
        "additionalProperties": false,
        "properties": {
          "path": { "type": "string" },
          "page": { "type": "integer", "minimum": 1 },
          "quote": { "type": "string" }
        }
      }
    },
    "intervalList": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["start", "end", "days", "between"],
        "additionalProperties": false,
        "properties": {
          "start": { "$ref": "#/$defs/date" },
          "end": { "$ref": "#/$defs/date" },
          "days": { "type": "integer", "minimum": 1 },
          "between": { "type": "array", "items": { "type": "string" } }
        }
      }
    }
  }
}
"""#
}
