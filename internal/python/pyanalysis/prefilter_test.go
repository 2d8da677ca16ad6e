package pyanalysis

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// naiveMask is what prefilterMask computes, one search per string.
func naiveMask(pfs []*Prefilter, src []byte) uint64 {
	has := func(s string) bool { return bytes.Contains(src, []byte(s)) }
	var m uint64
	for i, p := range pfs {
		ok := p.empty()
		for _, s := range p.anyOrNil() {
			ok = ok || has(s)
		}
		for _, l := range p.allOrNil() {
			all := true
			for _, s := range l {
				all = all && has(s)
			}
			ok = ok || all
		}
		if !ok && p != nil && p.Match != nil {
			ok = p.Match(src)
		}
		if ok {
			m |= 1 << i
		}
	}
	return m
}

func (p *Prefilter) anyOrNil() []string {
	if p == nil {
		return nil
	}
	return p.Any
}

func (p *Prefilter) allOrNil() [][]string {
	if p == nil {
		return nil
	}
	return p.All
}

func TestPrefilterMask(t *testing.T) {
	// Strings that overlap, share prefixes and suffixes, and contain one
	// another, as the rules' prefilters do ("except:" / "except :",
	// "route" / "Route", "request" / "requests"); lists that need all
	// their strings; a Match asked only when the strings fail.
	pfs := []*Prefilter{
		{Any: []string{"CORS", "cors", "llow-Origin", `"*"`}},
		{Any: []string{"route", "Depends", "auth", "before_request"}},
		{Any: []string{"request", "requests", "Route", "lifespan"}},
		{Any: []string{"Exception", "except:", "except :", "except\t:"}},
		{Any: []string{"print"}},
		nil,
		{Any: []string{"aab", "ab", "b"}},
		{All: [][]string{{"google", "cloud", "bigquery", "Client"}, {"redis", "Redis"}}, Any: []string{"Depends"}},
		{All: [][]string{{"requests", "Session"}}, Match: func(src []byte) bool { return bytes.HasPrefix(src, []byte("@")) }},
		{},
	}
	for _, c := range []struct {
		src  string
		want uint64
	}{
		{"", 1<<5 | 1<<9},
		{"x = 1\n", 1<<5 | 1<<9},
		{"print(1)", 1<<4 | 1<<5 | 1<<9},
		{"try:\n    pass\nexcept :\n    pass\n", 1<<3 | 1<<5 | 1<<9},
		{"requests.get()", 1<<2 | 1<<5 | 1<<9},
		{"aaab", 1<<5 | 1<<6 | 1<<9},
		{"Access-Control-Allow-Origin", 1<<0 | 1<<5 | 1<<9},
		{"from google.cloud import bigquery\nc = bigquery.Client()", 1<<5 | 1<<6 | 1<<9 | 1<<7},
		{"from google.cloud import bigquery\nc = bigquery.Table()", 1<<5 | 1<<6 | 1<<9},
		{"import redis\nr = redis.Redis()", 1<<5 | 1<<9 | 1<<7},
		{"import requests\ns = requests.Session()", 1<<2 | 1<<5 | 1<<9 | 1<<8},
		{"@app.get('/x')\ndef f(): pass", 1<<5 | 1<<9 | 1<<8},
		{"Depends", 1<<1 | 1<<5 | 1<<7 | 1<<9},
	} {
		if naive := naiveMask(pfs, []byte(c.src)); naive != c.want {
			t.Fatalf("%q: the test's mask %b is not naiveMask's %b", c.src, c.want, naive)
		}
		if got := prefilterMask(pfs, []byte(c.src)); got != c.want {
			t.Errorf("%q: mask %b, want %b", c.src, got, c.want)
		}
	}

	// Random prefilters and strings over a small alphabet, so that matches
	// and near misses are frequent; more than 64 distinct strings, so that
	// the bitsets span words. The texts have bytes no string has too ("z",
	// "\n": the automaton's shared class).
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte("ab:\t*"[r.IntN(5)])
		}
		return b.String()
	}
	for range 300 {
		pfs := make([]*Prefilter, 1+r.IntN(8))
		for i := range pfs {
			if r.IntN(8) == 0 {
				continue
			}
			p := &Prefilter{}
			for range r.IntN(4) {
				p.Any = append(p.Any, word(1+r.IntN(5)))
			}
			for range r.IntN(3) {
				var l []string
				for range 1 + r.IntN(3) {
					l = append(l, word(1+r.IntN(7)))
				}
				p.All = append(p.All, l)
			}
			if r.IntN(4) == 0 {
				n := r.IntN(30)
				p.Match = func(src []byte) bool { return len(src) == n }
			}
			pfs[i] = p
		}
		for range 20 {
			src := []byte(strings.NewReplacer("*", "z", "\t", "\n").Replace(word(r.IntN(40))) + word(r.IntN(40)))
			if r.IntN(4) == 0 {
				// Long enough to be scanned as two halves, with a
				// string that may straddle the middle.
				src = []byte(strings.Repeat("z", 150+r.IntN(40)) + string(src) + strings.Repeat("z", 150+r.IntN(40)))
			}
			if got, want := prefilterMask(pfs, src), naiveMask(pfs, src); got != want {
				t.Fatalf("src %q: mask %b, want %b", src, got, want)
			}
		}
	}
}

// BenchmarkPrefilter matches prefilters like the rules' (as of writing)
// against a module that contains none of them but "print": all strings
// are searched to the end.
func BenchmarkPrefilter(b *testing.B) {
	var ctors [][]string
	for _, c := range []string{"google.cloud.bigquery.Client", "google.cloud.storage.Client", "google.cloud.pubsub_v1.PublisherClient",
		"google.cloud.firestore.AsyncClient", "redis.Redis", "redis.asyncio.from_url", "httpx.AsyncClient", "requests.Session", "aiohttp.ClientSession"} {
		ctors = append(ctors, strings.Split(c, "."))
	}
	pfs := []*Prefilter{
		{Any: []string{"CORS", "cors", "llow-Origin", "llow-origin", "LLOW-ORIGIN", `"*"`, `'*'`}},
		{Any: []string{"route", "Router", "Depends", "Security", "FastAPI", "Flask", "Blueprint", "auth", "before_request", "websocket", "Settings", "PREFIX"}},
		{Any: []string{"route", "Route", "request", "Depends", "Security", "functions_framework", "lifespan", "startup", "middleware", "exception_handler", "errorhandler"}, All: ctors},
		{Any: []string{"Exception", "except:", "except :", "except\t:"}},
		{Any: []string{"print"}},
		{Any: []string{"FastAPI", "Starlette", "mount", "Mount", "on_event", "add_event_handler", "lifespan", "on_shutdown"}},
	}
	src := []byte(strings.Repeat("def compute(values, scale):\n    total = sum(v * scale for v in values)\n    return total / len(values)\n\n", 200) + "print(1)\n")
	b.SetBytes(int64(len(src)))
	b.Run("automaton", func(b *testing.B) {
		for b.Loop() {
			prefilterMask(pfs, src)
		}
	})
	b.Run("contains", func(b *testing.B) {
		for b.Loop() {
			naiveMask(pfs, src)
		}
	})
}

func TestDecoratorCalls(t *testing.T) {
	m := DecoratorCalls("get", "post", "patch")
	for src, want := range map[string]bool{
		"@app.get('/x')\ndef f(): pass\n":                       true,
		"class A:\n    @router.post('/x')\n    def f(): pass\n": true,
		"x = 1\r\n\t@ api.v1.get(\"/\")\r\n":                    true,
		"@app.get\ndef f(): pass\n":                             false, // no call
		"@get('/x')\n":                                          false, // no attribute
		"@app.gets('/x')\n":                                     false,
		"@app.put('/x')\n":                                      false,
		"# @app.get('/x')\n":                                    false, // a comment
		"y = a @b.get('/x')\n":                                  false, // matrix product
		"d = {}.get('x')\n":                                     false,
		"":                                                      false,
		"@":                                                     false,
		"@app.":                                                 false,
	} {
		if got := m([]byte(src)); got != want {
			t.Errorf("%q: %v, want %v", src, got, want)
		}
	}
}

func TestContainsWordEnd(t *testing.T) {
	for _, c := range []struct {
		src, s string
		want   bool
	}{
		{"def f(request):", "(request", true},
		{"f(requests)", "(request", false},
		{"f(requests) and g(request)", "(request", true},
		{"x(request", "(request", true},
		{"(request_id)", "(request", false},
		{"", "(request", false},
	} {
		if got := ContainsWordEnd([]byte(c.src), c.s); got != c.want {
			t.Errorf("ContainsWordEnd(%q, %q) = %v, want %v", c.src, c.s, got, c.want)
		}
	}
}

func TestStrings(t *testing.T) {
	s := NewStrings("# In[", "# %%", "locust", "ab")
	for src, want := range map[string]bool{
		"":                          false,
		"x = 1\n":                   false,
		"# In[1]":                   true,
		"a = b  # %%":               true,
		"import locus\nimport cust": false,
		strings.Repeat("x", 500) + "a" + strings.Repeat("b", 500): true, // at the middle of a long text
		strings.Repeat("x", 1000) + "locust":                      true,
		strings.Repeat("# In", 300):                               false,
	} {
		if got := s.Any([]byte(src)); got != want {
			t.Errorf("Any(%.40q) = %v, want %v", src, got, want)
		}
	}
	if NewStrings("", "x").Any(nil) != true {
		t.Error("the empty string is in every text")
	}
}

// ContainsAnyWordEnd answers as ContainsWordEnd asked of each string: on
// random texts over a small alphabet, with strings sharing their first
// byte (the one-pass case) and not.
func TestContainsAnyWordEnd(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte("(ab, _)"[r.IntN(7)])
		}
		return b.String()
	}
	for range 2000 {
		var ss []string
		for range 1 + r.IntN(4) {
			ss = append(ss, "("+word(r.IntN(4)))
		}
		if r.IntN(3) == 0 {
			ss = append(ss, "a"+word(r.IntN(3))) // another first byte
		}
		src := []byte(word(r.IntN(30)))
		want := slices.ContainsFunc(ss, func(s string) bool { return ContainsWordEnd(src, s) })
		if got := ContainsAnyWordEnd(src, ss...); got != want {
			t.Fatalf("ContainsAnyWordEnd(%q, %q) = %v, want %v", src, ss, got, want)
		}
	}
	if ContainsAnyWordEnd([]byte("def f(request):")) {
		t.Error("no strings: want false")
	}
}

// A string is found wherever it is in a long text: across the boundaries of
// the parts the scan runs at once (halves, quarters), at the start and at
// the end.
func TestScanFindsAtEveryOffset(t *testing.T) {
	s := NewStrings("abcdefg", "xyz")
	for _, n := range []int{300, 700, 2000, 4099} {
		for _, needle := range []string{"abcdefg", "xyz"} {
			for at := 0; at+len(needle) <= n; at++ {
				src := bytes.Repeat([]byte("z"), n)
				copy(src[at:], needle)
				if !s.Any(src) {
					t.Fatalf("%q at %d of %d bytes: not found", needle, at, n)
				}
			}
		}
		if s.Any(bytes.Repeat([]byte("abcdefz"), n/7)) {
			t.Fatalf("%d bytes of near misses: found", n)
		}
	}
}
