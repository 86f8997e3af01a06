package casefile

// NotByWorker reports whether the entries of a case's list record in
// `by` someone other than a worker: a consent is given by the client or
// their representative. Every other list's `by` is the worker who
// recorded the entry.
func NotByWorker(list string) bool { return list == "consents" }
