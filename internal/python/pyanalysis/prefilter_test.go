package pyanalysis

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveMask is what prefilterMask computes, one search per string.
func naiveMask(lists [][]string, src []byte) uint64 {
	var m uint64
	for i, l := range lists {
		if len(l) == 0 {
			m |= 1 << i
		}
		for _, s := range l {
			if bytes.Contains(src, []byte(s)) {
				m |= 1 << i
			}
		}
	}
	return m
}

func TestPrefilterMask(t *testing.T) {
	// Strings that overlap, share prefixes and suffixes, and contain one
	// another, as the rules' prefilters do ("except:" / "except :",
	// "route" / "Route", "request" / "requests").
	lists := [][]string{
		{"CORS", "cors", "llow-Origin", `"*"`},
		{"route", "Depends", "auth", "before_request"},
		{"request", "requests", "Route", "lifespan"},
		{"Exception", "except:", "except :", "except\t:"},
		{"print"},
		nil,
		{"aab", "ab", "b"},
	}
	for _, c := range []struct {
		src  string
		want uint64
	}{
		{"", 1 << 5},
		{"x = 1\n", 1 << 5},
		{"print(1)", 1<<4 | 1<<5},
		{"try:\n    pass\nexcept :\n    pass\n", 1<<3 | 1<<5},
		{"requests.get()", 1<<2 | 1<<5},
		{"aaab", 1<<5 | 1<<6},
		{"Access-Control-Allow-Origin", 1<<0 | 1<<5},
	} {
		if naive := naiveMask(lists, []byte(c.src)); naive != c.want {
			t.Fatalf("%q: the test's mask %b is not naiveMask's %b", c.src, c.want, naive)
		}
		if got := prefilterMask(lists, []byte(c.src)); got != c.want {
			t.Errorf("%q: mask %b, want %b", c.src, got, c.want)
		}
	}

	// Random strings over a small alphabet, so that matches and near
	// misses are frequent.
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte("ab:\t*"[r.IntN(5)])
		}
		return b.String()
	}
	for range 300 {
		lists := make([][]string, 1+r.IntN(8))
		for i := range lists {
			for range r.IntN(4) {
				lists[i] = append(lists[i], word(1+r.IntN(5)))
			}
		}
		for range 20 {
			src := []byte(word(r.IntN(40)))
			if got, want := prefilterMask(lists, src), naiveMask(lists, src); got != want {
				t.Fatalf("lists %q, src %q: mask %b, want %b", lists, src, got, want)
			}
		}
	}
}

// BenchmarkPrefilter matches the rules' prefilters (as of writing) against
// a module that contains none of them but "print": all lists are searched
// to the end.
func BenchmarkPrefilter(b *testing.B) {
	lists := [][]string{
		{"CORS", "cors", "llow-Origin", "llow-origin", "LLOW-ORIGIN", `"*"`, `'*'`},
		{"route", "Depends", "Security", "FastAPI", "Flask", "Blueprint", "auth", "before_request", "websocket", "Settings", "PREFIX"},
		{"google", "redis", "httpx", "requests", "aiohttp", "vertexai", "route", "Route", "request", "Depends", "Security",
			"functions_framework", "lifespan", "startup", "middleware", "exception_handler", "errorhandler"},
		{"Exception", "except:", "except :", "except\t:"},
		{"print"},
		{"FastAPI", "Starlette", "mount", "Mount", "on_event", "add_event_handler", "lifespan", "on_shutdown"},
	}
	src := []byte(strings.Repeat("def compute(values, scale):\n    total = sum(v * scale for v in values)\n    return total / len(values)\n\n", 200) + "print(1)\n")
	b.SetBytes(int64(len(src)))
	b.Run("automaton", func(b *testing.B) {
		for b.Loop() {
			prefilterMask(lists, src)
		}
	})
	b.Run("contains", func(b *testing.B) {
		for b.Loop() {
			naiveMask(lists, src)
		}
	})
}
