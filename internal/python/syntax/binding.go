package syntax

/*
#cgo CFLAGS: -std=c11 -O2 -D_POSIX_C_SOURCE=200112L
#include "ts.h"
*/
import "C"

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"
	"unsafe"

	// The tree-sitter C library is compiled and linked by the Go bindings;
	// ts.c calls its public C API directly.
	_ "github.com/tree-sitter/go-tree-sitter"

	"github.com/xynergy/xylint/internal/python/syntax/grammar"
)

// language is tree-sitter-python's TSLanguage (xylint's patched copy, see
// grammar/README.md), a static C object.
var language = (*C.TSLanguage)(grammar.Language())

func init() {
	if unsafe.Sizeof(node{}) != unsafe.Sizeof(C.xy_node{}) {
		panic("syntax: node and xy_node layouts differ")
	}
	C.xy_use_c_allocator()
}

// parser owns the C arena its trees are parsed in (ts.c): one tree at a
// time, alive from parse to release. Parsers are not safe for concurrent
// use; the pool hands each goroutine its own.
type parser struct {
	a *C.xy_arena
}

var parsers = sync.Pool{New: func() any {
	a := C.xy_arena_new()
	if a == nil {
		return nil
	}
	p := &parser{a: a}
	// A pooled parser may be dropped by the GC at any time: free its C side
	// then.
	runtime.AddCleanup(p, func(a *C.xy_arena) { C.xy_arena_free(a) }, a)
	return p
}}

// release frees the tree last parsed by p.
func (p *parser) release() { C.xy_arena_release(p.a) }

// kept is the memory p's arena holds, and the most it keeps once released
// (for tests).
func (p *parser) kept() (n, most int) { return int(C.xy_arena_kept(p.a)), int(C.XY_KEEP) }

// errTimeout is returned when tree-sitter gives up on a pathological input.
var errTimeout = errors.New("parser timed out")

// parseTimeoutMS bounds the time spent parsing one file. Parsing runs at
// about 10 MB/s, so this only stops inputs on which tree-sitter goes astray.
const parseTimeoutMS = 20000

// flatten parses src (offsets in the result are shifted by base) into a
// pre-order node array. The tree-sitter trees are deleted before returning.
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
	if len(src) >= 2*pieceSize {
		if starts := pieceStarts(src, pieceSize); len(starts) > 1 {
			nodes, err := p.flattenPieces(src, base, starts)
			if err != errPieceSyntax {
				return nodes, err
			}
			// Error recovery depends on what follows: parse the whole file.
		}
	}
	t, err := p.parse(src)
	if err != nil {
		return nil, err
	}
	defer p.release()
	nodes := make([]node, C.xy_count(t))
	return flattenInto(t, nodes, base, 0, -1, false)
}

// HasErrors reports whether the file src (a UTF-8 BOM is allowed) may have
// a syntax error: it parses src but builds none of what Parse returns, for
// files that no rule wants to read but whose syntax errors are reported.
// A file over 128 KiB is parsed in pieces, as by Parse, and a piece with an
// error answers true (Parse then decides on the whole file, as a piece's
// error can come from where the file was cut).
func HasErrors(src []byte) (bool, error) {
	if bytes.HasPrefix(src, bom) {
		src = src[len(bom):]
	}
	if len(src) > 1<<31-1 {
		return false, fmt.Errorf("file too large (%d bytes)", len(src))
	}
	pi := parsers.Get()
	if pi == nil {
		return false, errors.New("cannot create a tree-sitter parser")
	}
	p := pi.(*parser)
	defer parsers.Put(p)
	starts := []int{0}
	if len(src) >= 2*pieceSize {
		starts = pieceStarts(src, pieceSize)
	}
	for start, end := range spans(starts, len(src)) {
		t, err := p.parse(src[start:end])
		if err != nil {
			return false, err
		}
		var rs, re C.uint32_t
		bad := C.xy_root_span(t, &rs, &re)
		p.release()
		if bad {
			return true, nil
		}
	}
	return false, nil
}

// parse returns tree-sitter's tree of src, or errTimeout.
func (p *parser) parse(src []byte) (*C.TSTree, error) {
	var csrc *C.char
	if len(src) > 0 {
		csrc = (*C.char)(unsafe.Pointer(&src[0]))
	}
	t := C.xy_parse(p.a, language, csrc, C.uint32_t(len(src)), parseTimeoutMS)
	if t == nil {
		return nil, errTimeout
	}
	return t, nil
}

// flattenInto writes t's nodes to nodes[0:], which has index first in the
// file's array (see xy_flatten), and returns nodes cut to their number.
func flattenInto(t *C.TSTree, nodes []node, base, first, rootParent int, skipRoot bool) ([]node, error) {
	for {
		var buf *C.xy_node
		if len(nodes) > 0 {
			buf = (*C.xy_node)(unsafe.Pointer(&nodes[0]))
		}
		n := C.xy_walk(t, buf, C.uint32_t(len(nodes)), C.uint32_t(base), C.int32_t(first), C.int32_t(rootParent), C.bool(skipRoot))
		if n < 0 {
			return nil, errors.New("out of memory while reading the syntax tree")
		}
		if int(n) <= len(nodes) {
			return nodes[:n:n], nil
		}
		// xy_count is exact; this only guards against a disagreement
		// between it and the walk.
		nodes = make([]node, n)
	}
}

// readOuts parses src whole and reads the tree out twice, with the
// arguments flattenInto takes: with xy_walk, as Parse does, and with
// xy_flatten, through tree-sitter's public cursor, the reference the walk is
// tested against.
func readOuts(src []byte, base, first, rootParent int, skipRoot bool) (walk, cursor []node, err error) {
	pi := parsers.Get()
	if pi == nil {
		return nil, nil, errors.New("cannot create a tree-sitter parser")
	}
	p := pi.(*parser)
	defer parsers.Put(p)
	t, err := p.parse(src)
	if err != nil {
		return nil, nil, err
	}
	defer p.release()
	count := int(C.xy_count(t))
	if skipRoot {
		count--
	}
	if walk, err = flattenInto(t, make([]node, count), base, first, rootParent, skipRoot); err != nil {
		return nil, nil, err
	}
	cursor = make([]node, count)
	var buf *C.xy_node
	if count > 0 {
		buf = (*C.xy_node)(unsafe.Pointer(&cursor[0]))
	}
	n := C.xy_flatten(t, buf, C.uint32_t(count), C.uint32_t(base), C.int32_t(first), C.int32_t(rootParent), C.bool(skipRoot))
	if n < 0 || int(n) > count {
		return nil, nil, fmt.Errorf("cursor read-out of %d nodes, counted %d", n, count)
	}
	return walk, cursor[:n], nil
}

// pieceSize is the size above which a file is parsed in pieces, split
// between top-level statements (a variable for tests). tree-sitter keeps
// 60–180 bytes per node while a tree is alive; parsed in pieces, a large
// file holds one piece's tree at a time instead of 10–20 times its own size.
var pieceSize = 64 << 10

var errPieceSyntax = errors.New("a piece has a syntax error")

// spans yields the [start, end) of each piece of a file of n bytes cut at
// starts.
func spans(starts []int, n int) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i, start := range starts {
			end := n
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			if !yield(start, end) {
				return
			}
		}
	}
}

// flattenPieces parses src in pieces starting at starts and joins their
// nodes under one module node. The result is the tree a whole parse gives
// when no piece has a syntax error; otherwise it returns errPieceSyntax, as
// error recovery in one piece could depend on the next.
func (p *parser) flattenPieces(src []byte, base int, starts []int) ([]node, error) {
	var nodes []node
	root := node{kind: KindModule, flags: flagNamed, parent: -1}
	for start, end := range spans(starts, len(src)) {
		t, err := p.parse(src[start:end])
		if err != nil {
			return nil, err
		}
		var rs, re C.uint32_t
		if C.xy_root_span(t, &rs, &re) {
			p.release()
			return nil, errPieceSyntax
		}
		if nodes == nil {
			root.start = uint32(base + start + int(rs))
		}
		root.end = uint32(base + start + int(re))
		count := int(C.xy_count(t)) - 1 // without the piece's module node
		if nodes == nil {
			// Size the array from the first piece's density, with room to
			// spare: growing it later copies it.
			est := count*len(src)/max(1, end-start) + count/4 + 1
			nodes = make([]node, 1, 1+est)
		}
		if len(nodes)+count > cap(nodes) {
			nodes = slices.Grow(nodes, max(count, cap(nodes)/4))
		}
		first := len(nodes)
		got, err := flattenInto(t, nodes[first:first+count], base+start, first, 0, true)
		p.release()
		if err != nil {
			return nil, err
		}
		if len(got) != count {
			return nil, fmt.Errorf("syntax tree of %d nodes read as %d", count, len(got))
		}
		nodes = nodes[:first+count]
	}
	root.after = int32(len(nodes))
	nodes[0] = root
	return slices.Clip(nodes), nil
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
	if id > 255 {
		panic("syntax: field ids no longer fit the node's byte: " + name)
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
