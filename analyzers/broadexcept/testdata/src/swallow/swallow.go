package swallow

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
)

type file struct{}

func (file) Close() error { return nil }

func work() (int, error) { return 0, errors.New("x") }

func Discards(f file, b *bytes.Buffer, sb *strings.Builder) {
	_ = f.Close()            // want `XY004 broad-except: error from file.Close is discarded; handle it, return it or log it`
	_, _ = work()            // want `error from swallow.work is discarded`
	_ = os.Remove("x")       // want `error from os.Remove is discarded`
	_, _ = b.WriteString("") // never fails: not reported
	_, _ = sb.WriteString("")
	n, _ := strconv.Atoi("1") // keeps a value: left to errcheck
	_ = n
	_ = strconv.Itoa(1) // no error in the results
}

func EmptyCheck() {
	_, err := work()
	if err != nil { // want `empty .if err != nil. block swallows the error`
	}
	if err != nil {
		log.Print(err)
	}
}

func DroppedRecover() {
	defer func() {
		recover() // want `recover\(\) value is dropped`
	}()
	defer func() {
		_ = recover() // want `recover\(\) value is dropped`
	}()
	defer func() {
		if r := recover(); r != nil { // want `recover\(\) value is dropped`
			log.Print("recovered")
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			log.Printf("panic: %v", r)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			panic(r)
		}
	}()
}

// A panic turned into the function's error is handled: the caller gets it.
func Canonicalize(id string) (result string, retErr error) {
	defer func() {
		if r := recover(); r != nil {
			retErr = fmt.Errorf("unknown language %q", id)
		}
	}()
	var local error
	defer func() {
		if r := recover(); r != nil { // want `recover\(\) value is dropped`
			var inner error
			inner = errors.New("set inside only")
			_ = inner
			local = nil
		}
	}()
	return id, local
}

// Recorders: a method that takes the error and keeps it on its receiver
// (gorm's Scope.Err and DB.AddError, gin's Context.Error) returns it again;
// dropping that result hides nothing.
type Scope struct{ db *DB }

func (s *Scope) Err(err error) error { return s.db.AddError(err) }

type DB struct{ errs []error }

func (db *DB) AddError(err error) error {
	db.errs = append(db.errs, err)
	return err
}

type ginError struct{ err error }

func (e *ginError) Error() string { return e.err.Error() }

type Context struct{ Errors []*ginError }

func (c *Context) Error(err error) *ginError {
	e := &ginError{err}
	c.Errors = append(c.Errors, e)
	return e
}

func (c *Context) Note(msg string, errs ...error) error { return nil }

func wrap(err error) error { return err }

func Recorded(s *Scope, db *DB, c *Context) {
	_, err := work()
	_ = s.Err(errors.New("no column"))
	_ = db.AddError(err)
	_ = c.Error(err)
	_ = c.Note("x", err)
	_ = c.Note("x")                 // want `error from Context.Note is discarded`
	_ = s.Err(nil)                  // want `error from Scope.Err is discarded`
	_ = wrap(err)                   // want `error from swallow.wrap is discarded`
	_ = errors.Join(err, err)       // want `error from errors.Join is discarded`
	_ = db.AddError(errors.New("")) // a recorder, whatever it is given
}
