// Package signatures proves who recorded what: every commit since a
// revision that changes records must be signed (git's SSH signing) with a
// worker's signing_key, and every entry it adds must be recorded as by
// that worker. Signatures are verified by git itself, against an
// allowed-signers file derived from workers/.
package signatures

import (
	"encoding/base64"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/casework/casework/pkg/casefile"
)

// keyTypes are the SSH public key types git's SSH signing accepts.
var keyTypes = []string{"ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"}

// ParseKey checks an SSH public key as written in a .pub file ("TYPE
// BASE64 [COMMENT]") and returns it without its comment.
func ParseKey(s string) (string, error) {
	fields := strings.Fields(s)
	if len(fields) < 2 {
		return "", fmt.Errorf("a signing_key is an SSH public key, the line of a .pub file: TYPE BASE64 (e.g. ssh-ed25519 AAAA...)")
	}
	known := false
	for _, t := range keyTypes {
		known = known || fields[0] == t
	}
	if !known {
		return "", fmt.Errorf("signing_key type %q is not one git can sign with (%s)", fields[0], strings.Join(keyTypes, ", "))
	}
	if _, err := base64.StdEncoding.DecodeString(fields[1]); err != nil {
		return "", fmt.Errorf("signing_key is not a valid SSH public key: its second part is not base64")
	}
	return fields[0] + " " + fields[1], nil
}

// AllowedSigners is the allowed-signers file (git's
// gpg.ssh.allowedSignersFile, ssh-keygen's format) of the workers with a
// valid signing_key: each key's principal is the worker's ID.
func AllowedSigners(workers []casefile.Worker) []byte {
	var lines []string
	for _, w := range workers {
		if key, err := ParseKey(w.SigningKey); err == nil && w.ID != "" && !strings.ContainsAny(w.ID, " \t\n\",") {
			lines = append(lines, fmt.Sprintf("%s namespaces=\"git\" %s", w.ID, key))
		}
	}
	sort.Strings(lines)
	if len(lines) == 0 {
		return nil
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

// WriteAllowedSigners writes the allowed-signers file of workers to a new
// temporary file outside the repository and returns its path and a
// function that removes it.
func WriteAllowedSigners(workers []casefile.Worker) (string, func(), error) {
	f, err := os.CreateTemp("", "casework-allowed-signers-*")
	if err != nil {
		return "", nil, fmt.Errorf("cannot write the allowed signers: %w", err)
	}
	_, err = f.Write(AllowedSigners(workers))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", nil, fmt.Errorf("cannot write the allowed signers: %w", err)
	}
	return f.Name(), func() { os.Remove(f.Name()) }, nil
}
