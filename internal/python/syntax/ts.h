// A small C binding to the tree-sitter runtime for xylint's Python parser.
//
// The tree-sitter library itself is compiled and linked by
// github.com/tree-sitter/go-tree-sitter; this file declares the few functions
// of its public C API (tree_sitter/api.h, v0.25) that xylint calls directly,
// so that a whole file is parsed and flattened into a Go-owned array with two
// cgo calls instead of one cgo call per node.
#ifndef XYLINT_TS_H
#define XYLINT_TS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct TSParser TSParser;
typedef struct TSTree TSTree;
typedef struct TSLanguage TSLanguage;

// Flags of a flattened node.
enum {
	XY_NAMED = 1,
	XY_ERROR = 2,
	XY_MISSING = 4,
	XY_EXTRA = 8,
};

// xy_node is one node of a flattened tree, in pre-order: 20 bytes. Its
// layout is mirrored by the Go type syntax.node (checked at start-up).
typedef struct {
	uint16_t kind; // public symbol id (ts_node_symbol)
	uint8_t field; // field id of this node in its parent, 0 if none (the grammar has 32)
	uint8_t flags;
	uint32_t start; // byte offsets into the caller's buffer
	uint32_t end;
	int32_t parent; // index of the parent, -1 for the root
	int32_t after;  // index just past this node's subtree
} xy_node;

typedef struct xy_arena xy_arena;

void xy_use_c_allocator(void);
xy_arena *xy_arena_new(void);
// xy_arena_release frees the tree last parsed in a (see ts.c).
void xy_arena_release(xy_arena *a);
void xy_arena_free(xy_arena *a);
// xy_arena_kept is the memory a holds (bytes of its chunks).
size_t xy_arena_kept(const xy_arena *a);
// XY_KEEP is the most an arena keeps for its next parse once released.
#define XY_KEEP ((size_t)1 << 20)
// xy_parse parses src[0:len) in a (releasing what a held) and gives up
// after timeout_ms milliseconds (returning NULL). The tree lives until a is
// released.
TSTree *xy_parse(xy_arena *a, const TSLanguage *lang, const char *src, uint32_t len, uint32_t timeout_ms);
// xy_root_span stores the byte range of t's root; it returns whether the
// tree has a syntax error (an ERROR or MISSING node).
bool xy_root_span(const TSTree *t, uint32_t *start, uint32_t *end);
// xy_count is the number of nodes xy_flatten writes for t (with its root).
uint32_t xy_count(const TSTree *t);
// xy_flatten writes the nodes of t in pre-order to buf (at most cap of them)
// and returns how many there are (more than cap: call again with a larger
// buffer), or -1 when out of memory. base is added to every byte offset;
// buf[0] has index first in the caller's array, to which parent and after
// refer. With skip_root, t's root is not written and its children get
// root_parent as their parent (so that the trees of consecutive pieces of
// one file join under one root); else the root gets root_parent.
int64_t xy_flatten(const TSTree *t, xy_node *buf, uint32_t cap, uint32_t base, int32_t first, int32_t root_parent, bool skip_root);
// xy_walk writes what xy_flatten writes, reading tree-sitter's subtrees
// directly instead of through its cursor (walk.c): the read-out xylint uses;
// xy_flatten is its reference in tests.
int64_t xy_walk(const TSTree *t, xy_node *buf, uint32_t cap, uint32_t base, int32_t first, int32_t root_parent, bool skip_root);
uint16_t xy_symbol_for_name(const TSLanguage *lang, const char *name, uint32_t len, bool named);
uint16_t xy_field_for_name(const TSLanguage *lang, const char *name, uint32_t len);
uint32_t xy_symbol_count(const TSLanguage *lang);
const char *xy_symbol_name(const TSLanguage *lang, uint16_t sym);

#endif
