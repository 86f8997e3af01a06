// Package casefile holds the types of a case repository's files (cases,
// notes, workers, resources), their strict decoding and their canonical
// encoding. It knows nothing of where the files live: that is pkg/store.
package casefile
