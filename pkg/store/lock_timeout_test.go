//go:build unix

package store

import (
	"strings"
	"testing"
	"time"
)

// TestLockTimeout: a writer waits LockTimeout for the lock, then gives up
// with a message that says what to do; once the lock is free it gets it.
func TestLockTimeout(t *testing.T) {
	old := LockTimeout
	LockTimeout = 300 * time.Millisecond
	defer func() { LockTimeout = old }()
	repo := &Repo{Root: t.TempDir()}
	release, err := repo.Lock()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	second, err := repo.Lock()
	waited := time.Since(start)
	if err == nil {
		second()
		t.Fatal("a second writer got the lock while the first held it")
	}
	if !strings.Contains(err.Error(), "another casework command is writing to this repository") || !strings.Contains(err.Error(), "try again") {
		t.Errorf("message %q", err)
	}
	if waited < LockTimeout {
		t.Errorf("gave up after %s, before the timeout of %s", waited, LockTimeout)
	}
	// A writer that starts while the lock is held gets it when it is let go.
	done := make(chan error, 1)
	go func() {
		r, err := repo.Lock()
		if err == nil {
			r()
		}
		done <- err
	}()
	time.Sleep(LockTimeout / 3)
	release()
	if err := <-done; err != nil {
		t.Errorf("the lock was let go within the timeout, yet: %v", err)
	}
}
