#include "ts.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

// Declarations from tree-sitter's public API (tree_sitter/api.h, v0.25).
typedef uint16_t TSSymbol;
typedef uint16_t TSFieldId;
typedef struct TSPoint {
	uint32_t row;
	uint32_t column;
} TSPoint;
typedef struct TSNode {
	uint32_t context[4];
	const void *id;
	const TSTree *tree;
} TSNode;
typedef struct TSTreeCursor {
	const void *tree;
	const void *id;
	uint32_t context[3];
} TSTreeCursor;
typedef enum TSInputEncoding {
	TSInputEncodingUTF8,
	TSInputEncodingUTF16LE,
	TSInputEncodingUTF16BE,
	TSInputEncodingCustom
} TSInputEncoding;
typedef uint32_t (*DecodeFunction)(const uint8_t *string, uint32_t length, int32_t *code_point);
typedef struct TSInput {
	void *payload;
	const char *(*read)(void *payload, uint32_t byte_index, TSPoint position, uint32_t *bytes_read);
	TSInputEncoding encoding;
	DecodeFunction decode;
} TSInput;
typedef struct TSParseState {
	void *payload;
	uint32_t current_byte_offset;
	bool has_error;
} TSParseState;
typedef struct TSParseOptions {
	void *payload;
	bool (*progress_callback)(TSParseState *state);
} TSParseOptions;

TSParser *ts_parser_new(void);
void ts_parser_delete(TSParser *self);
bool ts_parser_set_language(TSParser *self, const TSLanguage *language);
TSTree *ts_parser_parse_with_options(TSParser *self, const TSTree *old_tree, TSInput input, TSParseOptions parse_options);
void ts_parser_reset(TSParser *self);
void ts_tree_delete(TSTree *self);
TSNode ts_tree_root_node(const TSTree *self);
TSSymbol ts_node_symbol(TSNode self);
uint32_t ts_node_start_byte(TSNode self);
uint32_t ts_node_end_byte(TSNode self);
bool ts_node_is_named(TSNode self);
bool ts_node_is_missing(TSNode self);
bool ts_node_is_extra(TSNode self);
TSTreeCursor ts_tree_cursor_new(TSNode node);
void ts_tree_cursor_delete(TSTreeCursor *self);
TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
TSFieldId ts_tree_cursor_current_field_id(const TSTreeCursor *self);
bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
TSSymbol ts_language_symbol_for_name(const TSLanguage *self, const char *string, uint32_t length, bool is_named);
TSFieldId ts_language_field_id_for_name(const TSLanguage *self, const char *name, uint32_t name_length);
uint32_t ts_language_symbol_count(const TSLanguage *self);
uint32_t ts_node_descendant_count(TSNode self);
bool ts_node_has_error(TSNode self);
const char *ts_language_symbol_name(const TSLanguage *self, TSSymbol symbol);
void ts_set_allocator(void *(*new_malloc)(size_t), void *(*new_calloc)(size_t, size_t),
		      void *(*new_realloc)(void *, size_t), void (*new_free)(void *));

// Every tree is parsed in an arena (xy_arena): tree-sitter's allocations
// while it parses one file (or one piece of a large file) — the parser, its
// stack, the tree — are bumped from the arena's chunks, a freed block goes
// on a list for the next allocation of its size, and the whole is dropped
// at once when the caller has read the tree out (xy_arena_release),
// instead of tree-sitter freeing the tree node by node (ts_tree_delete) and
// glibc's malloc and free serving each of them. The arena in use is the calling thread's (xy_cur, set only for the
// length of an xy_parse call, which runs on one thread); anything
// allocated while no arena is set — go-tree-sitter's own API, a tree
// cursor — goes to the C library's malloc, as before, and is freed there.
// (go-tree-sitter routes every allocation through Go and back, four cgo
// transitions per malloc; its Go functions call the C library's malloc and
// free, so these hooks are compatible with anything allocated before.)

// A chunk's header, padded so that its data stays 16-byte aligned.
typedef struct xy_chunk {
	struct xy_chunk *next; // the previous chunk (the arena's head is the newest)
	size_t cap, used;      // bytes of data, bytes handed out
	size_t pad;
} xy_chunk;

// Freed blocks of up to XY_SMALL bytes are kept on a list per size (in
// steps of 16 bytes) and handed out again: a parse frees most of what it
// allocates (stack nodes, lookahead tokens, the arrays of popped children),
// and without reuse an arena would grow to everything a parse ever
// allocated.
#define XY_SMALL 512

struct xy_arena {
	xy_chunk *head;
	void *small[XY_SMALL / 16 + 1]; // freed blocks by size/16; each holds the next
};

// Every block starts with a 16-byte header holding its size (for realloc).
#define XY_HDR 16
#define XY_FIRST_CHUNK ((size_t)256 << 10)

static _Thread_local xy_arena *xy_cur;

static char *xy_data(xy_chunk *c) { return (char *)(c + 1); }
static size_t xy_round(size_t n) { return (n + 15) & ~(size_t)15; }

static void *xy_arena_alloc(xy_arena *a, size_t n) {
	if (n > SIZE_MAX / 2) return NULL;
	size_t r = xy_round(n);
	if (r <= XY_SMALL && a->small[r / 16]) {
		void *p = a->small[r / 16];
		a->small[r / 16] = *(void **)p;
		*(size_t *)((char *)p - XY_HDR) = n;
		return p;
	}
	size_t need = XY_HDR + r;
	xy_chunk *c = a->head;
	if (!c || c->cap - c->used < need) {
		size_t cap = c ? 2 * c->cap : XY_FIRST_CHUNK;
		if (cap < need) cap = need;
		xy_chunk *nc = malloc(sizeof(xy_chunk) + cap);
		if (!nc) return NULL;
		nc->next = c;
		nc->cap = cap;
		nc->used = 0;
		a->head = c = nc;
	}
	char *b = xy_data(c) + c->used;
	c->used += need;
	*(size_t *)b = n;
	return b + XY_HDR;
}

static size_t xy_block_size(void *p) { return *(size_t *)((char *)p - XY_HDR); }

// xy_is_last reports whether p is the last block handed out from a's
// newest chunk: freeing it gives its room back; growing it needs no copy
// when the chunk has room.
static bool xy_is_last(xy_arena *a, void *p) {
	xy_chunk *c = a->head;
	return c && (char *)p + xy_round(xy_block_size(p)) == xy_data(c) + c->used;
}

static void *xy_malloc(size_t n) {
	xy_arena *a = xy_cur;
	return a ? xy_arena_alloc(a, n) : malloc(n);
}

static void *xy_calloc(size_t n, size_t size) {
	xy_arena *a = xy_cur;
	if (!a) return calloc(n, size);
	if (size && n > SIZE_MAX / size) return NULL;
	void *p = xy_arena_alloc(a, n * size);
	if (p) memset(p, 0, n * size);
	return p;
}

static void xy_free(void *p);

// xy_realloc moves a block that is not the chunk's last one, even to a
// smaller size. (Returning such a block when it is already large enough
// made tree-sitter crash on error recovery, in TestWalkMatchesCursor: not
// understood, so not done.)
static void *xy_realloc(void *p, size_t n) {
	xy_arena *a = xy_cur;
	if (!a) return realloc(p, n);
	if (!p) return xy_arena_alloc(a, n);
	size_t old = xy_block_size(p);
	if (xy_is_last(a, p)) {
		xy_chunk *c = a->head;
		size_t start = (size_t)((char *)p - xy_data(c));
		if (n <= SIZE_MAX / 2 && start + xy_round(n) <= c->cap) {
			c->used = start + xy_round(n);
			*(size_t *)((char *)p - XY_HDR) = n;
			return p;
		}
	}
	void *q = xy_arena_alloc(a, n);
	if (q) {
		memcpy(q, p, old < n ? old : n);
		xy_free(p);
	}
	return q;
}

static void xy_free(void *p) {
	xy_arena *a = xy_cur;
	if (!a) {
		free(p);
		return;
	}
	if (!p) return;
	size_t r = xy_round(xy_block_size(p));
	if (xy_is_last(a, p)) {
		a->head->used -= XY_HDR + r;
	} else if (r > 0 && r <= XY_SMALL) {
		*(void **)p = a->small[r / 16];
		a->small[r / 16] = p;
	}
}

void xy_use_c_allocator(void) { ts_set_allocator(xy_malloc, xy_calloc, xy_realloc, xy_free); }

xy_arena *xy_arena_new(void) { return calloc(1, sizeof(xy_arena)); }

// xy_arena_release drops everything allocated in a (the last tree parsed in
// it). The arena keeps its memory for the next parse, in one chunk: when a
// parse needed more than one, they are replaced by one as large as all of
// them (fresh memory costs page faults on every parse), up to XY_KEEP.
void xy_arena_release(xy_arena *a) {
	memset(a->small, 0, sizeof a->small);
	xy_chunk *c = a->head;
	if (!c) return;
	if (!c->next && c->cap <= XY_KEEP) {
		c->used = 0;
		return;
	}
	size_t total = 0;
	while (c) {
		xy_chunk *next = c->next;
		total += c->cap;
		free(c);
		c = next;
	}
	a->head = NULL;
	if (total <= XY_KEEP) {
		c = malloc(sizeof(xy_chunk) + total);
		if (c) {
			c->next = NULL;
			c->cap = total;
			c->used = 0;
			a->head = c;
		}
	}
}

size_t xy_arena_kept(const xy_arena *a) {
	size_t n = 0;
	for (const xy_chunk *c = a->head; c; c = c->next) n += c->cap;
	return n;
}

void xy_arena_free(xy_arena *a) {
	xy_chunk *c = a->head;
	while (c) {
		xy_chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

typedef struct {
	const char *src;
	uint32_t len;
	struct timespec deadline;
	uint32_t calls;
} xy_input;

static const char *xy_read(void *payload, uint32_t byte_index, TSPoint position, uint32_t *bytes_read) {
	(void)position;
	xy_input *in = payload;
	if (byte_index >= in->len) {
		*bytes_read = 0;
		return "";
	}
	*bytes_read = in->len - byte_index;
	return in->src + byte_index;
}

static bool xy_progress(TSParseState *state) {
	xy_input *in = state->payload;
	// The callback runs often; look at the clock every 256th call only.
	if ((++in->calls & 255) != 0) return false;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > in->deadline.tv_sec ||
	       (now.tv_sec == in->deadline.tv_sec && now.tv_nsec > in->deadline.tv_nsec);
}

TSTree *xy_parse(xy_arena *a, const TSLanguage *lang, const char *src, uint32_t len, uint32_t timeout_ms) {
	xy_arena_release(a);
	xy_input in = {src, len, {0, 0}, 0};
	clock_gettime(CLOCK_MONOTONIC, &in.deadline);
	in.deadline.tv_sec += timeout_ms / 1000;
	in.deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (in.deadline.tv_nsec >= 1000000000L) {
		in.deadline.tv_sec++;
		in.deadline.tv_nsec -= 1000000000L;
	}
	xy_cur = a;
	TSTree *t = NULL;
	// A parser per parse, in the arena: cheap to make, and nothing of it
	// outlives the arena's release. Deleting it frees the external
	// scanner's state, which the grammar allocates with the C library's
	// malloc; the tree does not need the parser.
	TSParser *p = ts_parser_new();
	if (p) {
		if (ts_parser_set_language(p, lang)) {
			TSInput input = {&in, xy_read, TSInputEncodingUTF8, NULL};
			TSParseOptions opts = {&in, xy_progress};
			t = ts_parser_parse_with_options(p, NULL, input, opts);
		}
		ts_parser_delete(p);
	}
	xy_cur = NULL;
	if (!t) xy_arena_release(a);
	return t;
}

bool xy_root_span(const TSTree *t, uint32_t *start, uint32_t *end) {
	TSNode r = ts_tree_root_node(t);
	*start = ts_node_start_byte(r);
	*end = ts_node_end_byte(r);
	return ts_node_has_error(r);
}

uint32_t xy_count(const TSTree *t) { return ts_node_descendant_count(ts_tree_root_node(t)); }

static void xy_record(xy_node *buf, uint32_t cap, int64_t i, const TSTreeCursor *c, int32_t parent, uint32_t base) {
	if (i >= cap) return;
	TSNode n = ts_tree_cursor_current_node(c);
	xy_node *x = &buf[i];
	TSSymbol sym = ts_node_symbol(n);
	x->kind = sym;
	x->field = (uint8_t)ts_tree_cursor_current_field_id(c);
	uint8_t f = 0;
	if (ts_node_is_named(n)) f |= XY_NAMED;
	if (sym == (TSSymbol)-1) f |= XY_ERROR; // ts_node_is_error, without a second symbol lookup
	if (ts_node_is_missing(n)) f |= XY_MISSING;
	if (ts_node_is_extra(n)) f |= XY_EXTRA;
	x->flags = f;
	x->start = ts_node_start_byte(n) + base;
	x->end = ts_node_end_byte(n) + base;
	x->parent = parent;
	x->after = -1;
}

int64_t xy_flatten(const TSTree *t, xy_node *buf, uint32_t cap, uint32_t base, int32_t first, int32_t root_parent, bool skip_root) {
	// The stack of open nodes (their indices in the caller's array) lives on
	// the C heap: nesting depth is bounded only by the input, never by a
	// call stack.
	uint32_t scap = 256, depth = 0;
	int32_t *stack = malloc(scap * sizeof *stack);
	if (!stack) return -1;
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(t));
	int64_t n = 0; // nodes written so far; the next one is buf[n], index first+n
	if (skip_root) {
		stack[depth++] = root_parent;
	} else {
		xy_record(buf, cap, n, &c, root_parent, base);
		stack[depth++] = first + (int32_t)n++;
	}
	for (;;) {
		if (ts_tree_cursor_goto_first_child(&c)) {
			xy_record(buf, cap, n, &c, stack[depth - 1], base);
		} else {
			bool moved = false;
			while (depth > 0) {
				int64_t top = (int64_t)stack[--depth] - first;
				if (!(skip_root && depth == 0) && top >= 0 && top < (int64_t)cap) buf[top].after = first + (int32_t)n;
				if (depth == 0) break;
				if (ts_tree_cursor_goto_next_sibling(&c)) {
					xy_record(buf, cap, n, &c, stack[depth - 1], base);
					moved = true;
					break;
				}
				ts_tree_cursor_goto_parent(&c);
			}
			if (!moved) break;
		}
		if (depth == scap) {
			scap *= 2;
			int32_t *s = realloc(stack, scap * sizeof *stack);
			if (!s) {
				free(stack);
				ts_tree_cursor_delete(&c);
				return -1;
			}
			stack = s;
		}
		stack[depth++] = first + (int32_t)n++;
	}
	free(stack);
	ts_tree_cursor_delete(&c);
	return n;
}

uint16_t xy_symbol_for_name(const TSLanguage *lang, const char *name, uint32_t len, bool named) {
	return ts_language_symbol_for_name(lang, name, len, named);
}

uint16_t xy_field_for_name(const TSLanguage *lang, const char *name, uint32_t len) {
	return ts_language_field_id_for_name(lang, name, len);
}

uint32_t xy_symbol_count(const TSLanguage *lang) { return ts_language_symbol_count(lang); }

const char *xy_symbol_name(const TSLanguage *lang, uint16_t sym) { return ts_language_symbol_name(lang, sym); }
