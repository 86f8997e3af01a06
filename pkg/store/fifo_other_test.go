//go:build !unix

package store

import "errors"

func mkfifo(string) error { return errors.New("named pipes are a unix thing") }
