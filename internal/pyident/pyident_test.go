package pyident

import "testing"

func TestIdentifiers(t *testing.T) {
	for s, want := range map[string][2]bool{ // IsIdentifier, IsDotted
		"shared":                {true, true},
		"_x1":                   {true, true},
		"café":                  {true, true},
		"shared.logging_config": {false, true},
		"1x":                    {false, false},
		"my-tool":               {false, false},
		"a..b":                  {false, false},
		".a":                    {false, false},
		"a.":                    {false, false},
		"":                      {false, false},
	} {
		if got := [2]bool{IsIdentifier(s), IsDotted(s)}; got != want {
			t.Errorf("%q: IsIdentifier, IsDotted = %v, want %v", s, got, want)
		}
	}
}
