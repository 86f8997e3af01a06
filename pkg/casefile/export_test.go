package casefile

// EncodeFast lets the external tests (which generate repositories with
// package gen, which imports this one) reach the fast encoder.
var EncodeFast = encodeFast
