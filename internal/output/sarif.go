package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"strings"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
)

// SARIF 2.1.0, as GitHub code scanning reads it: every rule with its
// documentation, results with a location in code points
// (columnKind unicodeCodePoints), a partialFingerprints.primaryLocationLineHash
// that survives lines moving, and fixes as replacements.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
	infoURI      = "https://github.com/xynergy/xylint"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

func writeSARIF(w io.Writer, res *driver.Result, opts Options) error {
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "xylint", Version: numericVersion(opts.ToolVersion), InformationURI: infoURI}},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	index := map[*lint.Rule]int{}
	for i, r := range res.Registry.Rules {
		index[r] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(r))
	}
	inv := sarifInvocation{ExecutionSuccessful: len(res.Errors) == 0, ToolExecutionNotifications: []sarifNotification{}}
	for _, e := range res.Errors {
		n := sarifNotification{Level: "error", Message: sarifText{e.Message}}
		if e.Path != "" {
			n.Locations = []sarifLocation{{sarifPhysical{ArtifactLocation: artifact(e.Path)}}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, e := range res.Notices {
		n := sarifNotification{Level: "note", Message: sarifText{e.Message}}
		if e.Path != "" {
			n.Locations = []sarifLocation{{sarifPhysical{ArtifactLocation: artifact(e.Path)}}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.Invocations = []sarifInvocation{inv}

	fp := newFingerprinter()
	var lines *lint.Lines
	linesPath := ""
	for _, d := range res.Diagnostics {
		if linesPath != d.Path {
			linesPath, lines = d.Path, lint.NewLines(res.Source(d.Path))
		}
		i, ok := index[d.Rule]
		if !ok { // a rule missing from the registry still gets described
			i = len(run.Tool.Driver.Rules)
			index[d.Rule] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(d.Rule))
		}
		r := sarifResult{
			RuleID: d.Rule.Code, RuleIndex: i, Level: sarifLevel(d.Severity), Message: sarifText{d.Message},
			Locations: []sarifLocation{{sarifPhysical{ArtifactLocation: artifact(d.Path), Region: region(d.Range)}}},
			PartialFingerprints: map[string]string{
				"primaryLocationLineHash": fp.hash(d.Rule.Code, d.Path, lines.LineText(d.Range.Start.Line)),
			},
		}
		if d.Fix != nil && len(d.Fix.Edits) > 0 {
			change := sarifArtifactChange{ArtifactLocation: artifact(d.Path)}
			for _, e := range d.Fix.Edits {
				change.Replacements = append(change.Replacements, sarifReplacement{
					DeletedRegion: *region(lines.Range(e.Start, e.End)), InsertedContent: sarifText{e.New},
				})
			}
			r.Fixes = []sarifFix{{Description: sarifText{d.Fix.Message}, ArtifactChanges: []sarifArtifactChange{change}}}
		}
		run.Results = append(run.Results, r)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifRuleOf(r *lint.Rule) sarifRule {
	return sarifRule{
		ID:                   r.Code,
		Name:                 pascal(r.Name),
		ShortDescription:     sarifText{r.Summary},
		FullDescription:      sarifText{firstParagraph(r.Doc, r.Summary)},
		Help:                 sarifHelp{Text: levelsText(r) + r.Doc, Markdown: levelsText(r) + r.Doc},
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleProps{Tags: []string{r.Name}},
	}
}

// pascal turns "print-call" into "PrintCall": SARIF's rule names are
// identifiers (GitHub's SARIF rules ask for Pascal case); the kebab name is
// kept as a tag.
func pascal(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func firstParagraph(doc, fallback string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(doc), "\n\n")
	p = strings.Join(strings.Fields(p), " ")
	if p == "" {
		return fallback
	}
	return p
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Note:
		return "note"
	}
	return "warning"
}

func region(r lint.Range) *sarifRegion {
	return &sarifRegion{StartLine: r.Start.Line, StartColumn: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column}
}

// artifact is a path as a URI relative to the checkout (%SRCROOT%), each
// segment percent-encoded; absolute paths become file: URIs. A first
// segment with a colon is preceded by "./" (RFC 3986, section 4.2): a
// reader would take "colon::x.py" for a URI of scheme "colon".
func artifact(p string) sarifArtifact {
	if strings.HasPrefix(p, "/") {
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	segs := strings.Split(strings.TrimPrefix(p, "./"), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	uri := strings.Join(segs, "/")
	if strings.Contains(segs[0], ":") {
		uri = "./" + uri
	}
	return sarifArtifact{URI: uri, URIBaseID: srcRoot}
}

// fingerprinter computes primaryLocationLineHash without the line number,
// so that a finding keeps its identity when code above it moves: a hash of
// rule, path and the whitespace-normalised text of the finding's line, and
// the occurrence of that hash in the file (":1", ":2", ...) to tell apart
// identical lines.
type fingerprinter struct{ seen map[string]int }

func newFingerprinter() *fingerprinter { return &fingerprinter{seen: map[string]int{}} }

func (f *fingerprinter) hash(code, path string, line []byte) string {
	h := sha256.New()
	h.Write([]byte(code))
	h.Write([]byte{0})
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write([]byte(strings.Join(strings.Fields(string(line)), " ")))
	sum := hex.EncodeToString(h.Sum(nil))[:16]
	f.seen[sum]++
	return sum + ":" + itoa(f.seen[sum])
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// numericVersion is "1.2.3" for "v1.2.3 abcdef", and "0.0.0-devel" for a
// development build's "(devel)": SARIF's rules want a version that starts
// with a number.
func numericVersion(v string) string {
	v, _, _ = strings.Cut(strings.TrimPrefix(v, "v"), " ")
	if v == "" || v[0] < '0' || v[0] > '9' {
		return "0.0.0-devel"
	}
	return v
}
