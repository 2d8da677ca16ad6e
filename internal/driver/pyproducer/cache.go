package pyproducer

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/xynergy/xylint/internal/cache"
	"github.com/xynergy/xylint/internal/deploy"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/suppress"
)

// cached is what the cache keeps of one file's pass: its result without the
// source (read again only for a file with findings) and the facts the
// project phase reads, so that a file found in the cache is neither read
// nor parsed. The project phase and what depends on the other files
// (withheld fixes) run every time.
type cached struct {
	Skipped      string
	Parsed       bool
	SyntaxErrors int
	Diagnostics  []cachedDiagnostic
	Comments     []lint.Comment
	Runtime      *lint.Runtime
	Facts        *pyanalysis.EncodedFacts
	// Listing is instead a directory's listing of the deployment walk
	// (listings), found by the directory's stat record.
	Listing *deploy.Listing
}

// cachedDiagnostic is a file pass's lint.Diagnostic in the file it was
// found in, its rule by code.
type cachedDiagnostic struct {
	Code     string
	Range    lint.Range
	Message  string
	Severity lint.Severity
	Fix      *lint.Fix
	Kind     string
}

// cacheState is a run's cache.
type cacheState struct {
	store *cache.Store[cached]
	// analyzers is the part of every key that names the producer's
	// analyzers (a producer with fewer finds less in the same file).
	analyzers    []byte
	hits, misses atomic.Int64
	// listings are the deployment walk's directory listings (deploy.Listings).
	listings listings
}

// listings keeps deploy.Listing values in the files' store (one pack),
// found by the directory's stat record (its size and modification time)
// and the hash of the listing; a file the platform's walk has no use for
// has a stat record of noPlatform.
type listings struct{ store *cache.Store[cached] }

var noPlatform = cache.Hash([]byte("deploy: no platform"))

func (l listings) NoPlatform(path string, fi fs.FileInfo) bool {
	k, ok := l.store.StatMatches(path, fi)
	return ok && k == noPlatform
}

func (l listings) SetNoPlatform(path string, fi fs.FileInfo) { l.store.SetStat(path, fi, noPlatform) }

func (l listings) Listing(dir string, fi fs.FileInfo) (deploy.Listing, bool) {
	k, ok := l.store.StatMatches(dir, fi)
	if !ok {
		return deploy.Listing{}, false
	}
	if e, ok := l.store.Get(k); ok && e.Listing != nil {
		return *e.Listing, true
	}
	return deploy.Listing{}, false
}

func (l listings) SetListing(dir string, fi fs.FileInfo, v deploy.Listing) {
	parts := [][]byte{[]byte("deploy.Listing"), strconv.AppendUint(nil, v.Ino, 10)}
	for i, n := range v.Names {
		parts = append(parts, []byte(n), []byte{v.Kinds[i]})
	}
	k := cache.Hash(parts...)
	if l.store.SetStat(dir, fi, k) {
		l.store.Put(k, cached{Listing: &v})
	}
}

// UseCache implements driver.Cacher.
func (p *Producer) UseCache(c *cache.Cache, project string) {
	pyanalysis.RegisterFacts(p.Analyzers)
	var codes strings.Builder
	for _, a := range p.Analyzers {
		codes.WriteString(a.Rule.Code + ",")
	}
	store := cache.OpenStore[cached](c, "python\x00"+project)
	p.cache = &cacheState{store: store, analyzers: []byte(codes.String()), listings: listings{store}}
}

// SaveCache implements driver.Cacher.
func (p *Producer) SaveCache() error {
	if p.cache == nil {
		return nil
	}
	return p.cache.store.Save()
}

// CacheStats are the last Analyze's files found in the cache and analysed.
func (p *Producer) CacheStats() (hits, misses int64) {
	if p.cache == nil {
		return 0, 0
	}
	return p.cache.hits.Load(), p.cache.misses.Load()
}

// source is a file's content as far as a cached analysis needs it.
type source struct {
	src  []byte // nil until read
	hash cache.Key
}

// analyzeCached is analyze with the cache: a file whose size and
// modification time are those the cache recorded with a content hash, or
// whose content hashes to a key the cache holds, is not parsed.
func (p *Producer) analyzeCached(in driver.Input, module string) (*lint.FileResult, *pyanalysis.FileFacts, cache.Key) {
	c := p.cache
	var s source
	known := false
	var fi fs.FileInfo
	if in.OnDisk() {
		if st, err := os.Stat(in.Abs); err == nil && st.Mode().IsRegular() && st.Size() <= in.SizeLimit() {
			fi = st
			s.hash, known = c.store.StatMatches(in.Abs, fi)
		}
	}
	if !known {
		src, err := in.Read()
		if err != nil {
			return readError(in, err), nil, cache.Key{}
		}
		s.src, s.hash = src, cache.ContentHash(src)
		if fi != nil {
			c.store.SetStat(in.Abs, fi, s.hash)
		}
	}
	key := p.cacheKey(in, module, s.hash)
	if e, ok := c.store.Get(key); ok {
		if res, ff, ok := p.fromCache(in, module, e, &s); ok {
			c.hits.Add(1)
			return res, ff, s.hash
		}
		// The file changed since its stat was taken: analyse what it holds.
		key = p.cacheKey(in, module, s.hash)
	}
	if s.src == nil {
		src, err := in.Read()
		if err != nil {
			return readError(in, err), nil, cache.Key{}
		}
		s.src, s.hash = src, cache.ContentHash(src)
		key = p.cacheKey(in, module, s.hash)
	}
	c.misses.Add(1)
	res, ff := p.analyzeSource(in, module, s.src, false)
	if e, ok := toCache(in, res, ff); ok {
		c.store.Put(key, e)
	}
	return res, ff, s.hash
}

func (p *Producer) cacheKey(in driver.Input, module string, content cache.Key) cache.Key {
	rules := in.Config.RulesKey()
	// The line length shapes the fixes a finding carries.
	style := []byte(strconv.Itoa(lineLength(in)))
	// The deployment files of the file's service (their paths and
	// content: one added or removed counts too) decide a fix (XY001's
	// origins variable).
	var dep []byte
	if d := p.deployment(in); d != nil {
		k := d.Key()
		dep = k[:]
	}
	return cache.Hash(p.cache.analyzers, rules[:], []byte(in.Path), []byte(module), style, dep, content[:])
}

func readError(in driver.Input, err error) *lint.FileResult {
	res := &lint.FileResult{Path: in.Path, Language: lint.Python}
	if errors.Is(err, driver.ErrTooLarge) {
		res.Skipped = err.Error()
	} else {
		res.Err = err
	}
	return res
}

// directiveComments are the comments of cs that may be suppression
// directives (suppress.MayDirect): all that what reads a result from the
// cache reads of its comments (suppress.Apply, keepSource). Every comment
// of every file was kept, and decoded by each warm run.
func directiveComments(cs []lint.Comment) []lint.Comment {
	var out []lint.Comment
	for _, c := range cs {
		if suppress.MayDirect(c.Text) {
			out = append(out, c)
		}
	}
	return out
}

// toCache is what the cache keeps of a file's pass; ok is false for a
// result not to keep (an analysis that failed, a finding in another file).
func toCache(in driver.Input, res *lint.FileResult, ff *pyanalysis.FileFacts) (cached, bool) {
	if res.Err != nil {
		return cached{}, false
	}
	e := cached{Skipped: res.Skipped, Parsed: res.Parsed, SyntaxErrors: res.SyntaxErrors, Comments: directiveComments(res.Comments), Runtime: res.Runtime}
	for _, d := range res.Diagnostics {
		if d.Path != in.Path || d.Language != lint.Python {
			return cached{}, false
		}
		e.Diagnostics = append(e.Diagnostics, cachedDiagnostic{Code: d.Rule.Code, Range: d.Range, Message: d.Message, Severity: d.Severity, Fix: d.Fix, Kind: d.Kind})
	}
	if ff != nil {
		e.Facts = ff.Encodable()
	}
	return e, true
}

// fromCache is the result and facts of the file of in from its cache
// entry. A file with findings is read (they are shown with its source); ok
// is false when it no longer has the content the entry was found by.
func (p *Producer) fromCache(in driver.Input, module string, e cached, s *source) (*lint.FileResult, *pyanalysis.FileFacts, bool) {
	res := &lint.FileResult{Path: in.Path, Language: lint.Python, Skipped: e.Skipped, Parsed: e.Parsed,
		SyntaxErrors: e.SyntaxErrors, Comments: e.Comments, Runtime: e.Runtime}
	for _, d := range e.Diagnostics {
		r := p.ruleOf(d.Code)
		if r == nil {
			return nil, nil, false
		}
		res.Diagnostics = append(res.Diagnostics, lint.Diagnostic{Rule: r, Language: lint.Python, Path: in.Path, Range: d.Range,
			Message: d.Message, Severity: d.Severity, Fix: cloneFix(d.Fix), Kind: d.Kind})
	}
	// The source is needed for the findings' lines, and for those of the
	// suppression comments (the cache keeps only those that may be
	// directives): an unused or malformed one is reported where it is.
	if len(res.Diagnostics) > 0 || len(res.Comments) > 0 {
		if !p.readCachedSource(in, res, s) {
			return nil, nil, false
		}
	}
	var ff *pyanalysis.FileFacts
	if e.Facts != nil {
		var err error
		if ff, err = e.Facts.Decode(p.Analyzers); err != nil || ff.Path != in.Path || ff.Module != module {
			return nil, nil, false
		}
	}
	return res, ff, true
}

// readCachedSource sets res.Src to the file's content, read now if it was
// not; false when it does not hash to what the cache found it by (it
// changed meanwhile), s then holding what it holds now.
func (p *Producer) readCachedSource(in driver.Input, res *lint.FileResult, s *source) bool {
	if s.src == nil {
		src, err := in.Read()
		if err != nil {
			return false
		}
		h := cache.ContentHash(src)
		if h != s.hash {
			s.src, s.hash = src, h
			return false
		}
		s.src = src
	}
	res.Src = s.src
	return true
}

// cloneFix copies a cached fix: a run's fixes are its own (the entry may be
// used again by another run of the process).
func cloneFix(f *lint.Fix) *lint.Fix {
	if f == nil {
		return nil
	}
	c := *f
	c.Edits = append([]lint.Edit(nil), f.Edits...)
	return &c
}

func (p *Producer) ruleOf(code string) *lint.Rule {
	if code == lint.SyntaxError.Code {
		return lint.SyntaxError
	}
	for _, a := range p.Analyzers {
		if a.Rule.Code == code {
			return a.Rule
		}
	}
	return nil
}

// rereadSources reads again the source of the files that a finding lands
// in and whose source was dropped (keepSource) or not read (found in the
// cache): the outputs show findings with their lines, fixes edit them.
// same says whether src is what file i held when it was analysed; a file
// that changed since is an error of the file: its findings are of content
// it no longer has.
func (p *Producer) rereadSources(files []driver.Input, results []*lint.FileResult, same func(i int, src []byte) bool) {
	into := map[string]bool{}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			into[d.Path] = true
		}
	}
	var again []int
	for i, r := range results {
		if r == nil || r.Src != nil || r.Skipped != "" || r.Err != nil || !into[r.Path] {
			continue
		}
		again = append(again, i)
	}
	// In parallel: a project phase can report into thousands of files
	// (814 on python-docs-samples, 7 ms read one after another).
	driver.Parallel(context.Background(), len(again), 0, func(k int) {
		i := again[k]
		r := results[i]
		src, err := files[i].Read()
		switch {
		case err != nil:
			r.Err = err
		case !same(i, src):
			r.Err = fmt.Errorf("changed while xylint was analysing it: run again")
		default:
			r.Src = src
		}
	})
}
