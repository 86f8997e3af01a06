package gitrev

import (
	"fmt"
	"strings"
	"time"
)

// LogEntry is one commit as `git log` lists it.
type LogEntry struct {
	Hash    string    `json:"hash" yaml:"hash"`
	At      time.Time `json:"at" yaml:"at"` // the author date
	Author  string    `json:"author" yaml:"author"`
	Subject string    `json:"subject" yaml:"subject"`
}

// fieldSep separates the fields of one commit in Log's format; recordSep
// ends a commit. Neither can appear in a name or a subject line.
const (
	fieldSep  = "\x1f"
	recordSep = "\x1e"
)

// Log lists the commits that touched path (a file or directory relative to
// dir), oldest first.
func Log(dir, path string) ([]LogEntry, error) {
	format := "--format=" + strings.Join([]string{"%H", "%aI", "%an", "%s"}, fieldSep) + recordSep
	out, err := run(dir, nil, "log", "--reverse", format, "--", path)
	if err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	var commits []LogEntry
	for _, rec := range strings.Split(string(out), recordSep) {
		fields := strings.Split(strings.TrimSpace(rec), fieldSep)
		if len(fields) != 4 {
			continue
		}
		at, err := time.Parse(time.RFC3339, fields[1])
		if err != nil {
			return nil, fmt.Errorf("git log: unexpected date %q", fields[1])
		}
		commits = append(commits, LogEntry{Hash: fields[0], At: at.UTC(), Author: fields[2], Subject: fields[3]})
	}
	return commits, nil
}
