package gitcmd

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/gitrev"
	"github.com/casework/casework/pkg/identity"
	"github.com/casework/casework/pkg/signatures"
	"github.com/casework/casework/pkg/store"
)

// setupSigning configures the clone to sign every commit with the acting
// worker's key: git's SSH signing (gpg.format ssh, user.signingkey,
// commit.gpgsign), and an allowed-signers file of every worker's key in
// .casework/ so that git log --show-signature names them.
func setupSigning(opts *SetupOptions) error {
	f := opts.F
	actor, err := f.Actor()
	if err != nil {
		return err
	}
	w, err := f.RequireWorker(actor)
	if err != nil {
		return err
	}
	if w.SigningKey == "" {
		return cmdutil.Usagef("%s has no signing_key: add the SSH public key they sign with to %s (signing_key: ssh-ed25519 AAAA...), commit it from a worker who already signs, then run this again", w.ID, store.WorkerPath(w.ID))
	}
	want, err := signatures.ParseKey(w.SigningKey)
	if err != nil {
		return cmdutil.Usagef("%s: %w", store.WorkerPath(w.ID), err)
	}
	keyFile := opts.Key
	if keyFile == "" {
		if keyFile = findKey(f.Getenv("HOME"), want); keyFile == "" {
			return cmdutil.Usagef("no key in ~/.ssh matches %s's signing_key: name the private key with --key FILE", w.ID)
		}
	} else if abs, err := filepath.Abs(keyFile); err == nil {
		keyFile = abs
	}
	if _, err := os.Stat(keyFile); err != nil {
		return cmdutil.Usagef("--key %s: no such file", opts.Key)
	}
	if pub, err := os.ReadFile(strings.TrimSuffix(keyFile, ".pub") + ".pub"); err == nil {
		if got, err := signatures.ParseKey(string(pub)); err != nil || got != want {
			return cmdutil.Usagef("%s is not %s's signing_key (in %s): sign with the key the worker file names", keyFile, w.ID, store.WorkerPath(w.ID))
		}
	}
	repo, err := f.Repo()
	if err != nil {
		return err
	}
	workers, err := identity.RepoDirectory{Repo: repo}.Workers()
	if err != nil {
		return err
	}
	signersPath := filepath.Join(repo.Root, store.StateDir, "allowed_signers")
	if err := os.MkdirAll(filepath.Dir(signersPath), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(signersPath, signatures.AllowedSigners(workers), 0o644); err != nil {
		return err
	}
	for _, kv := range [][2]string{
		{"gpg.format", "ssh"},
		{"user.signingkey", keyFile},
		{"commit.gpgsign", "true"},
		{"gpg.ssh.allowedSignersFile", signersPath},
	} {
		if err := gitrev.SetConfig(repo.Root, kv[0], kv[1]); err != nil {
			return err
		}
	}
	f.Infof("Commits in this clone are now signed as %s with %s.", w.ID, keyFile)
	return nil
}

// findKey returns the key file in home/.ssh whose public half is want:
// the private key beside the .pub when there is one, else the .pub (its
// private half then comes from ssh-agent).
func findKey(home, want string) string {
	if home == "" {
		return ""
	}
	pubs, _ := filepath.Glob(filepath.Join(home, ".ssh", "*.pub"))
	for _, p := range pubs {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if got, err := signatures.ParseKey(string(data)); err == nil && got == want {
			if private := strings.TrimSuffix(p, ".pub"); fileExists(private) {
				return private
			}
			return p
		}
	}
	return ""
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
