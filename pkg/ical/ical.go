// Package ical writes RFC 5545 iCalendar files of all-day events: CRLF
// line endings, lines folded at 75 octets, TEXT values escaped.
package ical

import (
	"bufio"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one all-day event.
type Event struct {
	// UID identifies the event across exports, so calendar programs update
	// it instead of adding a copy.
	UID string
	// Date is the day of the event; only its UTC date is used.
	Date        time.Time
	Summary     string
	Description string
	Categories  []string
}

// Calendar is a VCALENDAR of events.
type Calendar struct {
	ProdID string
	// Name is the calendar's display name (X-WR-CALNAME), when set.
	Name string
	// Stamp is when the calendar was made: every event's DTSTAMP.
	Stamp  time.Time
	Events []Event
}

const (
	maxOctets = 75
	dateForm  = "20060102"
	stampForm = "20060102T150405Z"
)

// Write writes the calendar to w.
func Write(w io.Writer, c Calendar) error {
	bw := bufio.NewWriter(w)
	line := func(name, value string) {
		bw.WriteString(Fold(name + ":" + value))
		bw.WriteString("\r\n")
	}
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", c.ProdID)
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", Escape(c.Name))
	}
	stamp := c.Stamp.UTC().Format(stampForm)
	for _, e := range c.Events {
		line("BEGIN", "VEVENT")
		line("UID", e.UID)
		line("DTSTAMP", stamp)
		line("DTSTART;VALUE=DATE", e.Date.UTC().Format(dateForm))
		line("SUMMARY", Escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", Escape(e.Description))
		}
		if len(e.Categories) > 0 {
			cats := make([]string, len(e.Categories))
			for i, c := range e.Categories {
				cats[i] = Escape(c)
			}
			line("CATEGORIES", strings.Join(cats, ","))
		}
		line("TRANSP", "TRANSPARENT")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return bw.Flush()
}

// Escape escapes a TEXT value: backslash, semicolon, comma and newline.
func Escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// Fold splits a content line into lines of at most 75 octets, each
// continuation starting with a space, never inside a UTF-8 character. The
// result has CRLF between the lines and none at the end.
func Fold(line string) string {
	var b strings.Builder
	limit := maxOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxOctets - 1 // the leading space counts
	}
	b.WriteString(line)
	return b.String()
}
