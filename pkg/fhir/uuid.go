package fhir

import (
	"crypto/sha1"
	"fmt"
)

// namespace is casework's UUID namespace for name-based (version 5) UUIDs.
var namespace = [16]byte{0x6c, 0x1e, 0x2f, 0x4a, 0x93, 0x0b, 0x4d, 0x5e, 0x8f, 0x31, 0x2a, 0x7c, 0x55, 0xd0, 0x19, 0xe4}

// UUID returns the version 5 UUID of name in casework's namespace: the
// same name always gives the same UUID, so exporting a case twice gives
// the same fullUrls and a receiving system can match resources across
// exports.
func UUID(name string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// URN is the urn:uuid form of UUID(name), a bundle entry's fullUrl.
func URN(name string) string { return "urn:uuid:" + UUID(name) }
