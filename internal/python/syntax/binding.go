package syntax

/*
#cgo CFLAGS: -std=c11 -O2 -D_POSIX_C_SOURCE=200112L
#include "ts.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unsafe"

	// The tree-sitter C library is compiled and linked by the Go bindings;
	// ts.c calls its public C API directly.
	_ "github.com/tree-sitter/go-tree-sitter"
	tspython "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

// language is tree-sitter-python's TSLanguage, a static C object.
var language = (*C.TSLanguage)(tspython.Language())

func init() {
	if unsafe.Sizeof(node{}) != unsafe.Sizeof(C.xy_node{}) {
		panic("syntax: node and xy_node layouts differ")
	}
	C.xy_use_c_allocator()
}

// parser owns one C parser. Parsers are not safe for concurrent use; the
// pool hands each goroutine its own.
type parser struct {
	p *C.TSParser
}

var parsers = sync.Pool{New: func() any {
	cp := C.xy_parser_new(language)
	if cp == nil {
		return nil
	}
	p := &parser{p: cp}
	// A pooled parser may be dropped by the GC at any time: free its C side
	// then.
	runtime.AddCleanup(p, func(cp *C.TSParser) { C.xy_parser_delete(cp) }, cp)
	return p
}}

// errTimeout is returned when tree-sitter gives up on a pathological input.
var errTimeout = errors.New("parser timed out")

// parseTimeoutMS bounds the time spent parsing one file. Parsing runs at
// about 10 MB/s, so this only stops inputs on which tree-sitter goes astray.
const parseTimeoutMS = 20000

// flatten parses src (offsets in the result are shifted by base) into a
// pre-order node array. The tree-sitter tree is deleted before returning.
func flatten(src []byte, base int) ([]node, error) {
	if len(src) > 1<<31-1 {
		return nil, fmt.Errorf("file too large (%d bytes)", len(src))
	}
	pi := parsers.Get()
	if pi == nil {
		return nil, errors.New("cannot create a tree-sitter parser")
	}
	p := pi.(*parser)
	defer parsers.Put(p)
	var csrc *C.char
	if len(src) > 0 {
		csrc = (*C.char)(unsafe.Pointer(&src[0]))
	}
	t := C.xy_parse(p.p, csrc, C.uint32_t(len(src)), parseTimeoutMS)
	if t == nil {
		return nil, errTimeout
	}
	defer C.xy_tree_delete(t)
	// About one node per 3.5 bytes of typical Python; a second call sizes
	// the buffer exactly when the estimate is short.
	nodes := make([]node, len(src)/3+16)
	for {
		n := C.xy_flatten(t, (*C.xy_node)(unsafe.Pointer(&nodes[0])), C.uint32_t(len(nodes)), C.uint32_t(base))
		if n < 0 {
			return nil, errors.New("out of memory while reading the syntax tree")
		}
		if int(n) <= len(nodes) {
			return nodes[:n:n], nil
		}
		nodes = make([]node, n)
	}
}

// lookupKind returns the id of a named node kind; it panics when the grammar
// has no such kind, so that a typo fails at start-up, not silently.
func lookupKind(name string, named bool) Kind {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	id := C.xy_symbol_for_name(language, cs, C.uint32_t(len(name)), C.bool(named))
	if id == 0 {
		panic("syntax: tree-sitter-python has no node kind " + name)
	}
	return Kind(id)
}

func lookupField(name string) Field {
	cs := C.CString(name)
	defer C.free(unsafe.Pointer(cs))
	id := C.xy_field_for_name(language, cs, C.uint32_t(len(name)))
	if id == 0 {
		panic("syntax: tree-sitter-python has no field " + name)
	}
	return Field(id)
}

// kindNames holds every kind's name, for debugging output and tests.
var kindNames = func() []string {
	n := int(C.xy_symbol_count(language))
	names := make([]string, n)
	for i := range n {
		names[i] = C.GoString(C.xy_symbol_name(language, C.uint16_t(i)))
	}
	return names
}()
