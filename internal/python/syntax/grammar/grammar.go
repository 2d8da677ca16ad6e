// Package grammar is xylint's copy of tree-sitter-python's grammar (v0.23.6,
// MIT, LICENSE), patched to parse Python 3.14 and compiled through cgo: see
// README.md for what was changed and why, and regenerate.sh for how
// src/parser.c is generated from grammar.js. It replaces the Go binding
// github.com/tree-sitter/tree-sitter-python/bindings/go, whose Language()
// it mirrors; package syntax is its only user.
package grammar

// #cgo CFLAGS: -std=c11 -fPIC
// #include "src/parser.c"
// #include "src/scanner.c"
import "C"

import "unsafe"

// Language is the grammar's TSLanguage, a static C object.
func Language() unsafe.Pointer {
	return unsafe.Pointer(C.tree_sitter_python())
}
