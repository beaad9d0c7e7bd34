package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/textutil"
)

// Line-level furniture shared by the plain-text classifier and the HTML
// clean-up: each pattern describes a kind of site furniture, never a site.
var (
	// readTimeRe: "3 min read", "5 minute read", "Reading time: 4 minutes".
	readTimeRe = regexp.MustCompile(`(?i)^(?:reading time:?\s*)?\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)(?:\s+read)?$`)
	// captionCreditRe: a caption ending with a bracketed or labelled photo credit.
	captionCreditRe = regexp.MustCompile(`(?:\[(?:(?i:file|photo|image|picture|credit|courtesy|handout)(?: (?i:photo|image))?:?\s*[^\]]{0,40}|Getty(?: Images)?|Reuters|AFP|AP|EPA|Anadolu|Xinhua|Shutterstock|Al Jazeera|Supplied)\]|\((?i:photo|picture|image|file photo|credit)[^)]*\)|\b(?i:photo|picture|image|photograph|illustration)s?\s*(?i:credit)?\s*:\s*[^.]{2,60}|\b[A-Z]{3,}/[A-Z][\w. ]+|\bGetty Images?|\bShutterstock|\bEPA-EFE)\s*\.?$`)
	// shareRe: follow / share / subscribe / newsletter prompts.
	shareRe = regexp.MustCompile(`(?i)^(?:follow (?:us|\w+) on|like us on|find us on|join us on|share (?:this|on|via)|share$|tweet$|email$|print$|subscribe\b|sign up\b|sign up for|get (?:our|the) \w+ newsletter|click here|download (?:our|the) app|read (?:more|also|the full)|also read|see also|advertisement$|sponsored\b|continue reading|story continues below|copyright\b|©|all rights reserved|comments?$|\d+ comments?$|leave a comment|post a comment|whatsapp$|facebook$|twitter$|linkedin$|you can follow|we want to hear from you|have a tip|this article (?:was|has been) (?:originally )?(?:published|updated)|related:|more:|watch:|listen:|see more\b|read more\b|more:|thanks for signing up|thank you for signing up|keep an eye on your inbox|there was an error processing your subscription|sorry!$|get (?:the|our) (?:latest|best)\b.{0,60}(?:inbox|newsletter)|(?:updated|published|last updated|last modified)(?: on| at)?:? [^a-z]{0,6}\d.{0,30}$)`)
	// promoRe: subscription and app promotions inside a short line.
	promoRe = regexp.MustCompile(`(?i)\bclick here\b`)
	// shortcodeRe: an unrendered CMS shortcode ("[button link=…]…[/button]").
	shortcodeRe = regexp.MustCompile(`\[/?[a-z_]+(?:\s[^\]]*)?\]`)
	// bracketTagRe: teaser tags such as "[VIDEO]", "[PICS]", "[INSIGHT]".
	bracketTagRe = regexp.MustCompile(`\[[A-Z]{3,}\]`)
	// leadCaptionRe: a photo caption glued before the first sentence, ending
	// in a bracketed credit ("… in 2001 [File: Reuters] Two soldiers …").
	leadCaptionRe = regexp.MustCompile(`^[^\[\]]{10,300}\[(?:(?:File|Photo|Image|Picture|Handout|Reuters|AFP|AP|EPA|Getty)[^\]]{0,40}|[^\]]{0,30}(?:Getty|Reuters|AFP|EPA|AP)[^\]]{0,10})\]\s+`)
	// teaserHeadRe: the heading of a block of teaser links.
	teaserHeadRe = regexp.MustCompile(`(?i)^(?:latest news|latest stories|latest|must read|related(?: articles| stories| news| posts| content| coverage| topics)?|you (?:might|may) also like|you may be interested|recommended(?: for you| to you| stories| reading)?|more from|more stories|more news|more on this|most popular|most read|popular now|trending(?: now)?|top stories|editor'?s picks|read next|what to read next|don't miss|in case you missed it|further reading|also on|elsewhere on)\b`)
	// sourceLineRe: "Source: Al Jazeera, News Agencies".
	sourceLineRe = regexp.MustCompile(`^(?i:source|sources)\s*:\s*(.{2,100})$`)
	// mastheadRe: masthead staff lines ("Editor in Chief: …").
	mastheadRe = regexp.MustCompile(`(?i)\b(?:editor[- ]in[- ]chief|managing editor|publisher|founded in|established in|licen[cs]e no)\b`)
	// commentPolicyRe: comment rules and reprint notices.
	commentPolicyRe = regexp.MustCompile(`(?i)(?:comments? (?:are|is) (?:moderated|closed|welcome)|comment polic|community (?:guidelines|standards)|reprint(?:ed|s)? (?:with|without|permission)|may not be (?:published|reproduced|republished)|republish(?:ing)? (?:this|our)|all rights reserved|copyright \d{4}|please (?:read|review) our|you must be logged in|log in to comment|sign in to comment|by commenting)`)
)

// isPromo reports a short line promoting a subscription, an app or a link,
// an unrendered shortcode or a run of teaser tags.
func isPromo(line string) bool {
	line = strings.TrimSpace(line)
	if len(bracketTagRe.FindAllString(line, 2)) >= 2 {
		return true
	}
	if shortcodeRe.MatchString(line) && strings.Contains(line, "[/") {
		return true
	}
	return len(textutil.Words(line)) <= 30 && promoRe.MatchString(line)
}

// isShouted reports an all-capitals line of five words or more: in news
// pages these are links to other stories ("GET FOX BUSINESS ON THE GO").
func isShouted(line string) bool {
	words := textutil.Words(line)
	if len(words) < 5 {
		return false
	}
	letters := 0
	for _, r := range line {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 10
}

// isPunctuationOnly reports a line without any word ("-", "***", "•").
func isPunctuationOnly(line string) bool { return len(textutil.Words(line)) == 0 }

// isCaption reports a photo caption or credit line.
func isCaption(line string) bool {
	if len(textutil.Words(line)) > 60 {
		return false
	}
	line = strings.TrimSpace(line)
	return captionCreditRe.MatchString(line) || (len(textutil.Words(line)) <= 25 && strings.Contains(line, "©"))
}

// isShareLine reports a follow/share/subscribe prompt or comment notice.
func isShareLine(line string) bool {
	line = strings.TrimSpace(line)
	words := len(textutil.Words(line))
	if words > 30 {
		return false
	}
	return shareRe.MatchString(line) || (words <= 40 && commentPolicyRe.MatchString(line))
}

// isTeaserHead reports the heading of a teaser block (short line).
func isTeaserHead(line string) bool {
	line = strings.TrimSpace(line)
	return len(textutil.Words(line)) <= 8 && teaserHeadRe.MatchString(line)
}

// isTruncatedTeaser reports a teaser snippet cut with an ellipsis.
func isTruncatedTeaser(line string) bool {
	line = strings.TrimSpace(line)
	return strings.HasSuffix(line, "...") || strings.HasSuffix(line, "…")
}

// isMasthead reports a masthead or "today's date" line: staff credits or a
// date embedded in a short line with other text.
func isMasthead(line string) bool {
	if len(textutil.Words(line)) > 25 {
		return false
	}
	return mastheadRe.MatchString(line)
}
