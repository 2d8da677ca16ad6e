package swallow

import (
	"bytes"
	"errors"
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
