package cluster

import "time"

// SetOption sets a numeric option by its field name (for experiments and
// command-line overrides) and reports whether the name is known.
func SetOption(o *Options, name string, v float64) bool {
	switch name {
	case "Threshold":
		o.Threshold = v
	case "MergeThreshold":
		o.MergeThreshold = v
	case "TitleWeight":
		o.TitleWeight = v
	case "SlugWeight":
		o.SlugWeight = v
	case "NameWeight":
		o.NameWeight = v
	case "ProperBoost":
		o.ProperBoost = v
	case "HalfLifeHours":
		o.HalfLife = time.Duration(v * float64(time.Hour))
	case "DecayFloor":
		o.DecayFloor = v
	case "RevisitMembers":
		o.RevisitMembers = int(v)
	case "PriorItems":
		o.PriorItems = v
	case "StoryIDF":
		o.StoryIDF = v
	case "StoryIDFHalfAt":
		o.StoryIDFHalfAt = v
	case "CentroidPower":
		o.CentroidPower = v
	case "TinySize":
		o.TinySize = int(v)
	case "AttachThreshold":
		o.AttachThreshold = v
	case "AttachMargin":
		o.AttachMargin = v
	case "QueryTerms":
		o.QueryTerms = int(v)
	case "Candidates":
		o.Candidates = int(v)
	case "MaxPostings":
		o.MaxPostings = int(v)
	case "MaxCentroidTerms":
		o.MaxCentroidTerms = int(v)
	case "ArchiveAgeDays":
		o.ArchiveAge = time.Duration(v * 24 * float64(time.Hour))
	case "ArchiveArrivals":
		o.ArchiveArrivals = int(v)
	case "SplitThreshold":
		o.SplitThreshold = v
	case "SplitMinSize":
		o.SplitMinSize = int(v)
	case "SplitMinHalf":
		o.SplitMinHalf = int(v)
	case "SplitGain":
		o.SplitGain = v
	case "SplitDepth":
		o.SplitDepth = int(v)
	case "RedecidePasses":
		o.RedecidePasses = int(v)
	case "RefineMargin":
		o.RefineMargin = v
	case "FinishCandidates":
		o.FinishCandidates = int(v)
	case "ScanPostings":
		o.ScanPostings = int(v)
	default:
		return false
	}
	return true
}
