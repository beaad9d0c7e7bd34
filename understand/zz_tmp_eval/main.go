package main

import (
	"fmt"
	"os"

	"github.com/storyline-news/storyline/eval"
)

func main() {
	if os.Args[1] == "bench" {
		runBench()
		return
	}
	res, err := eval.Understand(os.Args[1])
	if err != nil {
		panic(err)
	}
	fmt.Printf("ent %+v\nquo %+v\ndat %+v\nevt %+v\nspeaker %.3f (%d) rel %.3f (%d)\n", res.Entities, res.Quotes, res.Dates, res.Events, res.SpeakerAccuracy, res.QuotesFound, res.RelativeAccuracy, res.RelativeFound)
	if len(os.Args) > 2 {
		for _, m := range res.Misses {
			fmt.Println(m)
		}
	}
}
