// xy_walk: xy_flatten's read-out, done on tree-sitter's own subtrees instead
// of through its public TSTreeCursor.
//
// The cursor recomputes, at every step, which children are visible, each
// node's alias and its field (walking up its hidden ancestors), and it is
// driven here through seven calls per node. This walk visits every subtree
// once, carrying down what the cursor recomputes: the byte position, the
// parent's alias sequence and field map, and the field a hidden node passes
// on to its children. It writes exactly what the cursor walk writes
// (TestWalkMatchesCursor compares the two on every node of many inputs).
//
// It reads tree-sitter's internal structures, which are not part of its
// API: the declarations below mirror src/subtree.h, src/length.h and
// src/tree.h of tree-sitter v0.25 as vendored by go-tree-sitter v0.25.0
// (TestTreeSitterVersionPinned fails when go.mod's version changes), and
// TSLanguage comes from the grammar's tree_sitter/parser.h, which is the
// runtime's own src/parser.h of that version (the test checks that too).
#include "ts.h"

#include "grammar/tree_sitter/parser.h"

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "walk.c mirrors tree-sitter's little-endian subtree layout only"
#endif

// src/length.h, src/tree_sitter/api.h's TSPoint.
typedef struct {
	uint32_t row;
	uint32_t column;
} xy_point;
typedef struct {
	uint32_t bytes;
	xy_point extent;
} xy_length;

// src/subtree.h: SubtreeInlineData (little-endian), SubtreeHeapData, Subtree.
typedef struct {
	bool is_inline : 1;
	bool visible : 1;
	bool named : 1;
	bool extra : 1;
	bool has_changes : 1;
	bool is_missing : 1;
	bool is_keyword : 1;
	uint8_t symbol;
	uint16_t parse_state;
	uint8_t padding_columns;
	uint8_t padding_rows : 4;
	uint8_t lookahead_bytes : 4;
	uint8_t padding_bytes;
	uint8_t size_bytes;
} xy_inline;

typedef struct {
	volatile uint32_t ref_count;
	xy_length padding;
	xy_length size;
	uint32_t lookahead_bytes;
	uint32_t error_cost;
	uint32_t child_count;
	TSSymbol symbol;
	TSStateId parse_state;

	bool visible : 1;
	bool named : 1;
	bool extra : 1;
	bool fragile_left : 1;
	bool fragile_right : 1;
	bool has_changes : 1;
	bool has_external_tokens : 1;
	bool has_external_scanner_state_change : 1;
	bool depends_on_column : 1;
	bool is_missing : 1;
	bool is_keyword : 1;

	union {
		struct {
			uint32_t visible_child_count;
			uint32_t named_child_count;
			uint32_t visible_descendant_count;
			int32_t dynamic_precedence;
			uint16_t repeat_depth;
			uint16_t production_id;
			struct {
				TSSymbol symbol;
				TSStateId parse_state;
			} first_leaf;
		};
		struct {
			union {
				char *long_data;
				char short_data[24];
			};
			uint32_t length;
		} external_scanner_state;
		int32_t lookahead_char;
	};
} xy_heap;

typedef union {
	xy_inline data;
	const xy_heap *ptr;
} xy_subtree;

_Static_assert(sizeof(xy_inline) == 8, "SubtreeInlineData is 8 bytes");
_Static_assert(sizeof(xy_subtree) == sizeof(void *), "a Subtree is one pointer");

// src/tree.h: the head of struct TSTree.
typedef struct {
	xy_subtree root;
	const TSLanguage *language;
} xy_tree;

#define ST(s, name) ((s).data.is_inline ? (s).data.name : (s).ptr->name)

static inline uint32_t st_child_count(xy_subtree s) { return s.data.is_inline ? 0 : s.ptr->child_count; }
static inline uint32_t st_padding(xy_subtree s) { return s.data.is_inline ? s.data.padding_bytes : s.ptr->padding.bytes; }
static inline uint32_t st_size(xy_subtree s) { return s.data.is_inline ? s.data.size_bytes : s.ptr->size.bytes; }
static inline const xy_subtree *st_children(xy_subtree s) {
	return (const xy_subtree *)s.ptr - s.ptr->child_count;
}

// src/language.c: ts_language_public_symbol, ts_language_symbol_metadata.
static inline TSSymbol public_symbol(const TSLanguage *l, TSSymbol sym) {
	return sym == ts_builtin_sym_error ? sym : l->public_symbol_map[sym];
}
static inline bool symbol_named(const TSLanguage *l, TSSymbol sym) {
	if (sym == ts_builtin_sym_error) return true;
	if (sym == (TSSymbol)(ts_builtin_sym_error - 1)) return false;
	return l->symbol_metadata[sym].named;
}

// A node whose children are being walked: a visible node or a hidden one
// (whose visible descendants are children of its nearest visible ancestor).
typedef struct {
	const xy_subtree *child; // the next child
	const xy_subtree *end;
	const TSSymbol *aliases; // the node's alias sequence, or NULL
	const TSFieldMapEntry *fields, *fields_end;
	uint32_t pos;        // start byte of the next child
	uint32_t structural; // structural index of the next child (extras do not count)
	int32_t parent;      // index of the visible node the children belong to
	int32_t self;        // the node's own index when it is visible, else -1
	uint8_t field;       // the field a hidden node passes on to its children
} xy_frame;

static inline void frame_open(xy_frame *f, const TSLanguage *l, xy_subtree s, uint32_t pos, int32_t parent, int32_t self, uint8_t field) {
	const xy_heap *h = s.ptr;
	f->child = st_children(s);
	f->end = f->child + h->child_count;
	f->aliases = h->production_id ? &l->alias_sequences[h->production_id * l->max_alias_sequence_length] : NULL;
	if (l->field_count) {
		TSMapSlice slice = l->field_map_slices[h->production_id];
		f->fields = &l->field_map_entries[slice.index];
		f->fields_end = f->fields + slice.length;
	} else {
		f->fields = f->fields_end = NULL;
	}
	f->pos = pos;
	f->structural = 0;
	f->parent = parent;
	f->self = self;
	f->field = field;
}

static inline void put(xy_node *buf, uint32_t cap, int64_t i, TSSymbol kind, uint8_t field, uint8_t flags, uint32_t start, uint32_t end, int32_t parent) {
	if (i >= cap) return;
	xy_node *x = &buf[i];
	x->kind = kind;
	x->field = field;
	x->flags = flags;
	x->start = start;
	x->end = end;
	x->parent = parent;
	x->after = -1;
}

static inline void set_after(xy_node *buf, uint32_t cap, int32_t first, int32_t idx, int32_t after) {
	int64_t i = (int64_t)idx - first;
	if (i >= 0 && i < (int64_t)cap) buf[i].after = after;
}

// grow doubles the stack, or frees it and returns NULL.
static xy_frame *grow(xy_frame *stack, uint32_t *cap) {
	xy_frame *s = realloc(stack, 2 * *cap * sizeof *stack);
	if (!s) {
		free(stack);
		return NULL;
	}
	*cap *= 2;
	return s;
}

int64_t xy_walk(const TSTree *tree, xy_node *buf, uint32_t cap, uint32_t base, int32_t first, int32_t root_parent, bool skip_root) {
	const xy_tree *t = (const xy_tree *)tree;
	const TSLanguage *l = t->language;
	xy_subtree root = t->root;
	uint32_t pos = st_padding(root);
	int64_t n = 0;
	int32_t root_index = root_parent;
	if (!skip_root) {
		TSSymbol sym = ST(root, symbol);
		TSSymbol kind = public_symbol(l, sym);
		uint8_t flags = (ST(root, named) ? XY_NAMED : 0) | (kind == ts_builtin_sym_error ? XY_ERROR : 0) |
				(ST(root, is_missing) ? XY_MISSING : 0) | (ST(root, extra) ? XY_EXTRA : 0);
		put(buf, cap, n, kind, 0, flags, pos + base, pos + st_size(root) + base, root_parent);
		root_index = first + (int32_t)n++;
	}
	if (st_child_count(root) == 0) {
		if (!skip_root) set_after(buf, cap, first, root_index, first + (int32_t)n);
		return n;
	}
	uint32_t scap = 256, depth = 0;
	xy_frame *stack = malloc(scap * sizeof *stack);
	if (!stack) return -1;
	frame_open(&stack[depth++], l, root, pos, root_index, skip_root ? -1 : root_index, 0);
	while (depth > 0) {
		xy_frame *f = &stack[depth - 1];
		if (f->child == f->end) {
			if (f->self >= 0) set_after(buf, cap, first, f->self, first + (int32_t)n);
			depth--;
			continue;
		}
		xy_subtree c = *f->child;
		uint32_t start = f->pos;
		uint32_t size = st_size(c);
		bool extra = ST(c, extra);
		TSSymbol alias = 0;
		uint8_t field = 0;
		if (!extra) {
			if (f->aliases) alias = f->aliases[f->structural];
			// ts_tree_cursor_current_field_id: the child's own field in
			// this node, else what a hidden node inherited.
			field = f->field;
			for (const TSFieldMapEntry *m = f->fields; m < f->fields_end; m++) {
				if (!m->inherited && m->child_index == f->structural) {
					field = (uint8_t)m->field_id;
					break;
				}
			}
			f->structural++;
		}
		f->child++;
		f->pos = start + size;
		if (f->child < f->end) f->pos += st_padding(*f->child);
		uint32_t children = st_child_count(c);
		if (alias || ST(c, visible)) {
			TSSymbol kind = public_symbol(l, alias ? alias : ST(c, symbol));
			bool named = alias ? symbol_named(l, alias) : ST(c, named);
			uint8_t flags = (named ? XY_NAMED : 0) | (kind == ts_builtin_sym_error ? XY_ERROR : 0) |
					(ST(c, is_missing) ? XY_MISSING : 0) | (extra ? XY_EXTRA : 0);
			int32_t index = first + (int32_t)n;
			put(buf, cap, n++, kind, field, flags, start + base, start + size + base, f->parent);
			if (children == 0) {
				set_after(buf, cap, first, index, index + 1);
				continue;
			}
			if (depth == scap && !(stack = grow(stack, &scap))) return -1;
			frame_open(&stack[depth++], l, c, start, index, index, 0);
		} else if (children > 0 && c.ptr->visible_child_count > 0) {
			int32_t parent = f->parent;
			if (depth == scap && !(stack = grow(stack, &scap))) return -1;
			frame_open(&stack[depth++], l, c, start, parent, -1, field);
		}
	}
	free(stack);
	return n;
}
