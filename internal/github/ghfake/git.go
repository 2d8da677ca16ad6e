package ghfake

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The fake keeps real git objects: a blob, tree or commit has the SHA git
// would give it, so creating the same tree twice yields the same SHA, as on
// GitHub, and a test can compare trees by SHA.

// Person is a commit's author or committer.
type Person struct {
	Name, Email string
	Date        time.Time
}

// Commit is a stored commit.
type Commit struct {
	SHA       string
	Tree      string
	Parents   []string
	Author    Person
	Committer Person
	Message   string
}

// treeEntry is one entry of a stored tree.
type treeEntry struct {
	Name string
	Mode string // 100644, 100755, 120000, 040000
	SHA  string
}

func (e treeEntry) typ() string {
	if e.Mode == "040000" {
		return "tree"
	}
	return "blob"
}

type objects struct {
	blobs   map[string][]byte
	trees   map[string][]treeEntry
	commits map[string]*Commit
}

func newObjects() *objects {
	return &objects{blobs: map[string][]byte{}, trees: map[string][]treeEntry{}, commits: map[string]*Commit{}}
}

func hashObject(typ string, data []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "%s %d\x00", typ, len(data))
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

func (o *objects) putBlob(data []byte) string {
	sha := hashObject("blob", data)
	o.blobs[sha] = bytes.Clone(data)
	return sha
}

// putTree stores a tree (entries in git's order: by name, directories
// compared as if their name ended in "/").
func (o *objects) putTree(entries []treeEntry) string {
	sort.Slice(entries, func(i, j int) bool { return gitName(entries[i]) < gitName(entries[j]) })
	var b bytes.Buffer
	for _, e := range entries {
		mode := strings.TrimPrefix(e.Mode, "0")
		raw, _ := hex.DecodeString(e.SHA)
		fmt.Fprintf(&b, "%s %s\x00", mode, e.Name)
		b.Write(raw)
	}
	sha := hashObject("tree", b.Bytes())
	o.trees[sha] = entries
	return sha
}

func gitName(e treeEntry) string {
	if e.Mode == "040000" {
		return e.Name + "/"
	}
	return e.Name
}

func (o *objects) putCommit(c *Commit) string {
	var b strings.Builder
	fmt.Fprintf(&b, "tree %s\n", c.Tree)
	for _, p := range c.Parents {
		fmt.Fprintf(&b, "parent %s\n", p)
	}
	fmt.Fprintf(&b, "author %s <%s> %d +0000\n", c.Author.Name, c.Author.Email, c.Author.Date.Unix())
	fmt.Fprintf(&b, "committer %s <%s> %d +0000\n\n", c.Committer.Name, c.Committer.Email, c.Committer.Date.Unix())
	b.WriteString(c.Message)
	c.SHA = hashObject("commit", []byte(b.String()))
	o.commits[c.SHA] = c
	return c.SHA
}

// file is a file of a flattened tree.
type file struct {
	Mode, SHA string
}

// flatten lists every file below tree sha by slash-separated path.
func (o *objects) flatten(sha string) map[string]file {
	out := map[string]file{}
	var walk func(sha, prefix string)
	walk = func(sha, prefix string) {
		for _, e := range o.trees[sha] {
			p := path.Join(prefix, e.Name)
			if e.typ() == "tree" {
				walk(e.SHA, p)
				continue
			}
			out[p] = file{e.Mode, e.SHA}
		}
	}
	walk(sha, "")
	return out
}

// build stores the nested trees for a flat file list and returns the root
// tree's SHA.
func (o *objects) build(files map[string]file) string {
	type dir struct {
		files map[string]file
		dirs  map[string]*dir
	}
	newDir := func() *dir { return &dir{files: map[string]file{}, dirs: map[string]*dir{}} }
	root := newDir()
	for p, f := range files {
		d := root
		parts := strings.Split(p, "/")
		for _, seg := range parts[:len(parts)-1] {
			if d.dirs[seg] == nil {
				d.dirs[seg] = newDir()
			}
			d = d.dirs[seg]
		}
		d.files[parts[len(parts)-1]] = f
	}
	var store func(d *dir) string
	store = func(d *dir) string {
		var es []treeEntry
		for name, f := range d.files {
			es = append(es, treeEntry{name, f.Mode, f.SHA})
		}
		for name, sub := range d.dirs {
			es = append(es, treeEntry{name, "040000", store(sub)})
		}
		return o.putTree(es)
	}
	return store(root)
}

// isAncestor reports whether commit a is reachable from commit b (a == b
// included).
func (o *objects) isAncestor(a, b string) bool {
	seen := map[string]bool{}
	stack := []string{b}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c == a {
			return true
		}
		if seen[c] {
			continue
		}
		seen[c] = true
		if cm := o.commits[c]; cm != nil {
			stack = append(stack, cm.Parents...)
		}
	}
	return false
}

// tarball is what GitHub's archive link serves: a gzipped tar whose files
// are under "<owner>-<repo>-<short sha>/", with a pax global header whose
// comment is the commit's SHA (as `git archive` writes it, so `git
// get-tar-commit-id` reads it back).
func (o *objects) tarball(owner, repo, commit string) ([]byte, error) {
	c := o.commits[commit]
	if c == nil {
		return nil, fmt.Errorf("no commit %s", commit)
	}
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeXGlobalHeader, Name: "pax_global_header", PAXRecords: map[string]string{"comment": commit}}); err != nil {
		return nil, err
	}
	top := fmt.Sprintf("%s-%s-%s/", owner, repo, commit[:7])
	mtime := c.Committer.Date
	if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: top, Mode: 0o775, ModTime: mtime}); err != nil {
		return nil, err
	}
	files := o.flatten(c.Tree)
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	dirs := map[string]bool{}
	for _, p := range paths {
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			if dirs[d] {
				break
			}
			dirs[d] = true
		}
	}
	var dirList []string
	for d := range dirs {
		dirList = append(dirList, d)
	}
	sort.Strings(dirList)
	for _, d := range dirList {
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: top + d + "/", Mode: 0o775, ModTime: mtime}); err != nil {
			return nil, err
		}
	}
	for _, p := range paths {
		f := files[p]
		data := o.blobs[f.SHA]
		h := &tar.Header{Name: top + p, ModTime: mtime}
		switch f.Mode {
		case "120000":
			h.Typeflag, h.Linkname = tar.TypeSymlink, string(data)
			h.Mode = 0o777
			data = nil
		case "100755":
			h.Typeflag, h.Mode, h.Size = tar.TypeReg, 0o775, int64(len(data))
		default:
			h.Typeflag, h.Mode, h.Size = tar.TypeReg, 0o664, int64(len(data))
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func modeOf(m string) (string, bool) {
	switch m {
	case "100644", "100755", "120000", "040000", "160000":
		return m, true
	}
	if _, err := strconv.ParseUint(m, 8, 32); err == nil && len(m) == 6 {
		return m, false
	}
	return "", false
}
