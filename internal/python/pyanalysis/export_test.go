package pyanalysis

// PrefilterMaskOf is the prefilter test of a file that as (with their
// default options) run on: bit i set when as[i]'s prefilter passes src.
func PrefilterMaskOf(as []*Analyzer) func(src []byte) uint64 {
	pfs := make([]*Prefilter, len(as))
	for i, a := range as {
		pfs[i] = a.Prefilter
		if a.prefilterFor != nil {
			pfs[i] = a.prefilterFor(nil)
		}
	}
	return func(src []byte) uint64 { return prefilterMask(pfs, src) }
}
