#include "ts.h"

#include <stdlib.h>
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

// go-tree-sitter routes every allocation of the C library through Go and back
// (four cgo transitions per malloc). Its Go functions call the C library's
// malloc/free, so pointing tree-sitter straight at them is compatible with
// anything allocated before.
void xy_use_c_allocator(void) { ts_set_allocator(malloc, calloc, realloc, free); }

TSParser *xy_parser_new(const TSLanguage *lang) {
	TSParser *p = ts_parser_new();
	if (p && !ts_parser_set_language(p, lang)) {
		ts_parser_delete(p);
		return NULL;
	}
	return p;
}

void xy_parser_delete(TSParser *p) { ts_parser_delete(p); }

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

TSTree *xy_parse(TSParser *p, const char *src, uint32_t len, uint32_t timeout_ms) {
	xy_input in = {src, len, {0, 0}, 0};
	clock_gettime(CLOCK_MONOTONIC, &in.deadline);
	in.deadline.tv_sec += timeout_ms / 1000;
	in.deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (in.deadline.tv_nsec >= 1000000000L) {
		in.deadline.tv_sec++;
		in.deadline.tv_nsec -= 1000000000L;
	}
	TSInput input = {&in, xy_read, TSInputEncodingUTF8, NULL};
	TSParseOptions opts = {&in, xy_progress};
	TSTree *t = ts_parser_parse_with_options(p, NULL, input, opts);
	if (!t) ts_parser_reset(p);
	return t;
}

void xy_tree_delete(TSTree *t) { ts_tree_delete(t); }

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
