package store

import "time"

// RacyWindow is how long after a file's modification time a record of it
// (a cache entry keyed by size and modification time) stays untrusted:
// longer than the coarsest file-system clock in common use (2 s on FAT).
// A file rewritten within one tick of the clock, with the same size,
// keeps its modification time; git calls such entries "racily clean".
const RacyWindow = 2 * time.Second

// Settled reports whether a record of a file whose modification time was
// mtime, made by a run that began at readAt (both in nanoseconds), can be
// trusted while the file keeps that size and time: the file was last
// changed at least RacyWindow before the run read it. Every cache of the
// repository (the case index, fmt's, validate's, the link-free
// directories) asks this one rule.
func Settled(mtime, readAt int64) bool {
	return mtime < readAt-int64(RacyWindow)
}
