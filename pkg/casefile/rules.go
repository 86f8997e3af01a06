package casefile

// Rules name the kinds of problem found reading a file. Each PosError
// carries its rule from where it is made, and validate reports it under
// that name (docs/validation.md lists them).
const (
	RuleYAMLSyntax      = "yaml-syntax"       // not one well-formed YAML document in UTF-8
	RuleYAMLFeature     = "yaml-feature"      // aliases and merge keys
	RuleMergeConflict   = "merge-conflict"    // git's conflict markers left in the file
	RuleEmptyFile       = "empty-file"        // nothing in the file
	RuleFileTooLarge    = "file-too-large"    // over MaxFileSize
	RuleNoteFrontMatter = "note-front-matter" // a note without its front matter
	RuleUnknownKey      = "unknown-key"       // a key the file's type does not have
	RuleMissingKey      = "missing-key"       // a required key left out
	RuleEmptyValue      = "empty-value"       // a required value, or a list item, left empty
	RuleDuplicateKey    = "duplicate-key"     // a key given twice in one mapping
	RuleInvalidDate     = "invalid-date"      // not a YYYY-MM-DD date that exists
	RuleInvalidTime     = "invalid-time"      // not an RFC 3339 time
	RuleWrongType       = "wrong-type"        // a value of the wrong kind
	RuleCannotFormat    = "cannot-format"     // the canonical form could not be made (a bug)
)
