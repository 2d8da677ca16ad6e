// Package grammar is xylint's copy of tree-sitter-python's grammar (v0.23.6,
// MIT, LICENSE), patched to parse Python 3.14 and compiled through cgo: see
// README.md for what was changed and why, and regenerate.sh for how
// parser.c is generated from grammar.js. It replaces the Go binding
// github.com/tree-sitter/tree-sitter-python/bindings/go, whose Language()
// it mirrors; package syntax is its only user.
//
// parser.c and scanner.c sit in the package directory, where cgo compiles
// them and the go command's build cache sees them change (a C file included
// from another directory is not part of the cache key: a regenerated parser
// would not be rebuilt).
package grammar

// #cgo CFLAGS: -std=c11 -fPIC -DTREE_SITTER_REUSE_ALLOCATOR
// typedef struct TSLanguage TSLanguage;
// const TSLanguage *tree_sitter_python(void);
import "C"

import "unsafe"

// Language is the grammar's TSLanguage, a static C object.
func Language() unsafe.Pointer {
	return unsafe.Pointer(C.tree_sitter_python())
}
