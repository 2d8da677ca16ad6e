package lint

import "testing"

func TestSeverityOrderAndNames(t *testing.T) {
	if !(Note < Warning && Warning < Error) {
		t.Fatalf("levels out of order: note %d, warning %d, error %d", Note, Warning, Error)
	}
	var zero Severity
	if zero != Warning {
		t.Errorf("zero Severity is %v, want warning (a rule that says nothing)", zero)
	}
	for _, s := range Severities {
		got, err := ParseSeverity(s.String())
		if err != nil || got != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s.String(), got, err)
		}
	}
	if s, err := ParseSeverity("info"); err != nil || s != Note {
		t.Errorf(`ParseSeverity("info") = %v, %v; want note (JSON version 1's name)`, s, err)
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error(`ParseSeverity("fatal") succeeded`)
	}
}

func TestFailOn(t *testing.T) {
	var def FailOn
	for _, tc := range []struct {
		failOn string
		fails  map[Severity]bool
	}{
		{"note", map[Severity]bool{Note: true, Warning: true, Error: true}},
		{"warning", map[Severity]bool{Note: false, Warning: true, Error: true}},
		{"error", map[Severity]bool{Note: false, Warning: false, Error: true}},
		{"never", map[Severity]bool{Note: false, Warning: false, Error: false}},
		{" Warning ", map[Severity]bool{Note: false, Warning: true, Error: true}},
	} {
		f, err := ParseFailOn(tc.failOn)
		if err != nil {
			t.Fatalf("ParseFailOn(%q): %v", tc.failOn, err)
		}
		for s, want := range tc.fails {
			if got := f.Fails(s); got != want {
				t.Errorf("fail-on %s: Fails(%s) = %v, want %v", tc.failOn, s, got, want)
			}
		}
		var back FailOn
		if err := back.UnmarshalText([]byte(f.String())); err != nil || back != f {
			t.Errorf("fail-on %s: String/UnmarshalText round trip gave %v, %v", tc.failOn, back, err)
		}
	}
	if def.String() != "warning" || def.Fails(Note) || !def.Fails(Warning) {
		t.Errorf("zero FailOn is %s; want warning, with notes not failing", def)
	}
	if _, err := ParseFailOn("info"); err == nil {
		t.Error(`ParseFailOn("info") succeeded; the documented values are note, warning, error, never`)
	}
}
