package newfindings

import (
	"bytes"
	"strings"
	"testing"
)

func TestBaselineRoundTrip(t *testing.T) {
	entries := []Entry{
		{Rule: "XY002", Path: "svc/main.py", Fingerprint: "aa", Occurrence: 0, Message: "GET /x reaches no auth"},
		{Rule: "XY005", Path: "svc/main.py", Fingerprint: "bb", Occurrence: 1, Message: "`print` call\nsecond line"},
	}
	var buf bytes.Buffer
	if err := EncodeBaseline(&buf, entries); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 4 || !strings.Contains(lines[0], `"version": 1`) || !strings.HasPrefix(lines[1], `  {"rule":"XY002"`) || lines[3] != "]}" {
		t.Errorf("want a header line, one line per finding and a closing line:\n%s", buf.String())
	}
	bl, err := ParseBaseline(buf.Bytes(), "b.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(bl.Entries) != 2 || bl.Entries[1] != entries[1] {
		t.Errorf("read back %+v", bl.Entries)
	}
	var empty bytes.Buffer
	EncodeBaseline(&empty, nil)
	if bl, err := ParseBaseline(empty.Bytes(), "e.json"); err != nil || len(bl.Entries) != 0 {
		t.Errorf("empty baseline: %v %v (%s)", bl, err, empty.String())
	}
}

func TestBaselineOfAnotherFormat(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{`{"format": "xylint-baseline", "version": 2, "findings": []}`, "version 2 baseline and this xylint reads version 1: write it again with xylint check --write-baseline b.json"},
		{`{"version": 1, "diagnostics": []}`, "b.json is not an xylint baseline"},
		{`[1, 2]`, "is not an xylint baseline"},
		{`not json`, "is not an xylint baseline"},
		{`{"format": "xylint-baseline", "version": 1, "findings": [{"rule": "XY005", "line": 3}]}`, "finding 1 is not a baseline entry"},
	} {
		_, err := ParseBaseline([]byte(c.file), "b.json")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.file, err, c.want)
		}
	}
}
