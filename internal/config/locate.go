package config

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// locate finds where keyPath is written in a TOML document, for error
// messages that name a line: the position of the key (or of the array
// element whose string value is elem, when elem is not empty). It returns
// 0, 0 when the key is not written literally (the caller then names the
// table).
func locate(src []byte, keyPath []string, elem string) (line, col int) {
	p := &unstable.Parser{}
	p.Reset(src)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyParts(e.Key())
			if elem == "" && equal(table, keyPath) {
				it := e.Key()
				it.Next()
				return position(p, it.Node(), e)
			}
		case unstable.KeyValue:
			if l, c := locateKV(p, e, table, keyPath, elem); l > 0 {
				return l, c
			}
		}
	}
	return 0, 0
}

func locateKV(p *unstable.Parser, kv *unstable.Node, prefix, keyPath []string, elem string) (int, int) {
	full := append(append([]string(nil), prefix...), keyParts(kv.Key())...)
	if !hasPrefix(keyPath, full) {
		return 0, 0
	}
	v := kv.Value()
	if equal(full, keyPath) {
		if elem != "" && v.Kind == unstable.Array {
			it := v.Children()
			for it.Next() {
				n := it.Node()
				if n.Kind == unstable.String && string(n.Data) == elem {
					return position(p, n, kv)
				}
			}
		}
		it := kv.Key()
		it.Next()
		return position(p, it.Node(), kv)
	}
	if v.Kind == unstable.InlineTable {
		it := v.Children()
		for it.Next() {
			if n := it.Node(); n.Kind == unstable.KeyValue {
				if l, c := locateKV(p, n, full, keyPath, elem); l > 0 {
					return l, c
				}
			}
		}
	}
	return 0, 0
}

// position of n, falling back to the enclosing expression when the node has
// no raw range of its own.
func position(p *unstable.Parser, n, outer *unstable.Node) (int, int) {
	r := n.Raw
	if r.Length == 0 {
		r = outer.Raw
	}
	if r.Length == 0 && r.Offset == 0 {
		return 0, 0
	}
	s := p.Shape(r)
	return s.Start.Line, s.Start.Column
}

func keyParts(it unstable.Iterator) []string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return parts
}

func equal(a, b []string) bool {
	return len(a) == len(b) && hasPrefix(a, b)
}

func hasPrefix(s, prefix []string) bool {
	if len(prefix) > len(s) {
		return false
	}
	for i := range prefix {
		if s[i] != prefix[i] {
			return false
		}
	}
	return true
}

func dotted(keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if k == "" || strings.ContainsAny(k, " .\"'*/[]") {
			k = `"` + k + `"`
		}
		out[i] = k
	}
	return strings.Join(out, ".")
}

// hasTable reports whether the document writes any key at or below prefix
// ([tool.xylint], [tool.xylint.print-call], tool.xylint.select = ...).
func hasTable(src []byte, prefix []string) bool {
	p := &unstable.Parser{}
	p.Reset(src)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyParts(e.Key())
			if hasPrefix(table, prefix) {
				return true
			}
		case unstable.KeyValue:
			full := append(append([]string(nil), table...), keyParts(e.Key())...)
			if hasPrefix(full, prefix) {
				return true
			}
		}
	}
	return false
}

// HasConfiguration reports whether dir holds an xylint configuration file:
// an xylint.toml or .xylint.toml, or a pyproject.toml with a [tool.xylint]
// table (valid or not: a broken one is still the project's configuration).
func HasConfiguration(dir string) bool {
	for _, name := range FileNames {
		file := filepath.Join(dir, name)
		if name != "pyproject.toml" {
			if fi, err := os.Stat(file); err == nil && !fi.IsDir() {
				return true
			}
			continue
		}
		src, err := os.ReadFile(file)
		if err == nil && bytes.Contains(src, []byte("xylint")) && hasTable(src, []string{"tool", "xylint"}) {
			return true
		}
	}
	return false
}
