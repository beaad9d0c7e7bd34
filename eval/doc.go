// Package eval measures Storyline's quality on labelled data: each stage's
// output is scored against human-checked answers with the metric the data
// set defines, so that changes can be judged by numbers, not impressions.
package eval
