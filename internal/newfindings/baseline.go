package newfindings

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/fingerprint"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/safewrite"
)

// BaselineFormat and BaselineVersion identify a baseline file; a file of
// another format or version is refused rather than half-read.
const (
	BaselineFormat  = "xylint-baseline"
	BaselineVersion = 1
)

// Entry is one finding of a baseline: its fingerprint, and its message for
// whoever reads the file (not matched: a reworded message keeps it).
type Entry struct {
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Fingerprint string `json:"fingerprint"`
	Occurrence  int    `json:"occurrence"`
	Message     string `json:"message"`
}

func (e Entry) print() fingerprint.Print {
	return fingerprint.Print{Rule: e.Rule, Path: e.Path, Hash: e.Fingerprint, Occurrence: e.Occurrence}
}

// Baseline is a file of findings to hide.
type Baseline struct {
	Entries []Entry
}

type baselineHeader struct {
	Format   string            `json:"format"`
	Version  *int              `json:"version"`
	Findings []json.RawMessage `json:"findings"`
}

// ReadBaseline reads a baseline written by WriteBaseline.
func ReadBaseline(name string) (*Baseline, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return ParseBaseline(b, name)
}

// ParseBaseline parses a baseline file's content; name is for messages.
func ParseBaseline(b []byte, name string) (*Baseline, error) {
	redo := "write it again with xylint check --write-baseline " + name
	var h baselineHeader
	if err := json.Unmarshal(b, &h); err != nil || h.Format != BaselineFormat || h.Version == nil {
		return nil, fmt.Errorf("%s is not an xylint baseline (want a JSON object with \"format\": %q and a version, as xylint check --write-baseline writes)", name, BaselineFormat)
	}
	if *h.Version != BaselineVersion {
		return nil, fmt.Errorf("%s is a version %d baseline and this xylint reads version %d: %s", name, *h.Version, BaselineVersion, redo)
	}
	bl := &Baseline{}
	for i, raw := range h.Findings {
		var e Entry
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil || e.Rule == "" || e.Path == "" || e.Fingerprint == "" || e.Occurrence < 0 {
			return nil, fmt.Errorf("%s: finding %d is not a baseline entry (rule, path, fingerprint, occurrence): %s", name, i+1, redo)
		}
		bl.Entries = append(bl.Entries, e)
	}
	return bl, nil
}

// Entries returns the baseline entries of every finding of res, sorted by
// path, rule, fingerprint and occurrence.
func Entries(res *driver.Result) []Entry {
	var out []Entry
	for _, f := range res.Files {
		ps := fingerprint.Compute(fingerprint.File{Path: res.RelPath(f.Path), Src: f.Src, Diagnostics: f.Diagnostics})
		for i, p := range ps {
			out = append(out, Entry{Rule: p.Rule, Path: p.Path, Fingerprint: p.Hash, Occurrence: p.Occurrence, Message: f.Diagnostics[i].Message})
		}
	}
	slices.SortFunc(out, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Fingerprint, b.Fingerprint), cmp.Compare(a.Occurrence, b.Occurrence))
	})
	return out
}

// WriteBaseline writes every finding of res to the file name, atomically,
// and returns how many. The file is made to be committed and reviewed: a
// format and version, then one finding per line in a stable order, paths
// relative to the project root, no line numbers and no timestamps.
func WriteBaseline(name string, res *driver.Result) (int, error) {
	entries := Entries(res)
	err := safewrite.Output(name, func(w io.Writer) error { return EncodeBaseline(w, entries) })
	return len(entries), err
}

// EncodeBaseline writes entries as a baseline file.
func EncodeBaseline(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "{\"format\": %q, \"version\": %d, \"findings\": [", BaselineFormat, BaselineVersion)
	for i, e := range entries {
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  ")
		bw.Write(b)
	}
	if len(entries) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// Filter hides the findings of res the baseline records and says how many
// it hid and how many of its entries for the files checked match nothing
// any more (fixed, or changed past recognition).
func (bl *Baseline) Filter(res *driver.Result, name string) string {
	want := map[fingerprint.Print]bool{}
	for _, e := range bl.Entries {
		want[e.print()] = true
	}
	checked := map[string]bool{}
	for _, f := range res.Files {
		if f.Skipped == "" && f.Err == nil {
			checked[res.RelPath(f.Path)] = true
		}
	}
	matched := map[fingerprint.Print]bool{}
	known := Prints(res, func(p fingerprint.Print) bool {
		if want[p] {
			matched[p] = true
			return true
		}
		return false
	})
	hidden := res.Keep(func(d *lint.Diagnostic) bool { return !known[key(d)] })
	gone := 0
	for _, e := range bl.Entries {
		if checked[e.Path] && !matched[e.print()] {
			gone++
		}
	}
	msg := fmt.Sprintf("baseline %s: %d findings hidden", name, hidden)
	if gone > 0 {
		msg += fmt.Sprintf("; %d of its entries match no finding any more (fixed, or the code changed): xylint check --write-baseline %s drops them", gone, name)
	}
	return msg
}
