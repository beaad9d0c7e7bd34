package understand

import "strings"

// wordSet builds a lower-case lookup set from a space-separated list.
func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[strings.ToLower(w)] = true
	}
	return m
}

// roleWords head a title or role: "President", "spokesman", "secretary".
// A capitalised run ending in one of them before a name is the person's role.
var roleWords = wordSet(`president vice prime minister secretary spokesman spokeswoman spokesperson
adviser advisor aide director chief head leader chairman chairwoman chair ceo cfo coo founder co-founder
governor gov senator sen rep representative congressman congresswoman lawmaker ambassador envoy
general gen commander lt col colonel maj captain capt sgt sergeant officer official mayor
king queen prince princess emir sheikh ayatollah imam cleric pope cardinal bishop rabbi rev reverend pastor
judge justice attorney prosecutor lawyer detective sheriff chancellor coach quarterback manager
analyst economist professor prof dr mr mrs ms miss sir lord lady dame reporter correspondent editor
columnist researcher scientist executive deputy assistant commissioner superintendent inspector
trooper speaker premier strongman dictator militant commentator host anchor actress actor singer
rapper star player guard forward striker midfielder defender goalkeeper pitcher owner
banker insider president-elect administrator brother sister son daughter father mother wife husband widow adm admiral marshal brig brigadier dean chancellor`)

// honorifics are titles that belong to how a person is named ("Ayatollah
// Ali Khamenei", "Mr Smith") rather than to a job.
var honorifics = wordSet(`mr mrs ms miss dr sir lord lady dame ayatollah sheikh imam rev reverend prof`)

// orgHeads end organisation names: "Supreme National Security Council".
var orgHeads = wordSet(`council ministry department agency administration authority bureau commission
committee congress parliament assembly court party army navy force forces guards guard police corps
group bank company co corp corporation inc ltd llc plc holdings industries airlines airways university
college school institute foundation fund association federation union league club society organization
organisation office service services network news times post journal telegraph tribune herald press
media television tv radio channel church hospital museum team index productions awards suites hotel hotels shelter clinic library zoo theater theatre studios entertainment motors
systems technologies labs capital partners exchange board embassy mission brigade regiment division front
movement coalition alliance cabinet laboratory academy institution trust reserve command agency's
brothers records publishing magazine gazette daily insider unit robotics aerospace
machines foundry dynamics electronics pharmaceuticals therapeutics biosciences semiconductor software
solutions logistics observatory`)

// placeHeads end place names: "Tarrant County", "Nangarhar Province".
var placeHeads = wordSet(`city county province state region district island islands street avenue road
square river lake mountain center centre auditorium field stadium arena jail prison mountains valley sea ocean bay beach airport bridge hills heights desert
peninsula canyon coast harbor harbour port township village borough parish territory
plateau strait glacier volcano reef basin delta archipelago plains highlands`)

// actorNouns after a demonym make the country the actor: "Iranian officials".
var actorNouns = wordSet(`official officials government authorities forces troops military leader leaders
president minister ministers diplomat diplomats side delegation media agencies agency envoy ambassador
negotiators army navy police spokesman spokeswoman lawmakers parliament state counterpart counterparts
foreign defense defence national security supreme prime embassy regime administration navy court`)

// sentenceStarters are capitalised only because they open a sentence or
// quote; they never begin a name.
var sentenceStarters = wordSet(`the a an in on at of for from by with without to into onto as but and or nor so yet
he she it they we i you his her its their our your my this that these those there here
after before during while when where what who whom whose why how which if although though since until
unless because whether no not some many most all both each every other another any such
also still even only just meanwhile however now then today yesterday tomorrow last next first
one two three four five six seven eight nine ten once later earlier instead indeed thus
despite amid among against about above below under over between through across around
according asked said says told added mr mrs ms dr read more see watch follow share click
photo image video sign subscribe advertisement related latest breaking update updated
what's here's there's it's that's let's don't can't won't we're they're i'm
please thank thanks yes ok okay well oh hey dear`)

// notNames are capitalised words that are not entity names on their own:
// months, days, religions and ideologies, generic adjectives.
var notNames = wordSet(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
muslim muslims islamic islam christian christians jewish jews shiite shi'ite shiites shi'ites shia sunni sunnis
catholic protestant western eastern northern southern arab arabs kurdish kurds european africans
african asian asians hispanic hispanics latino latinos democratic
tv ceo cfo ipo gdp am pm ok faq suv suvs vr pr td hiv aids dna rna evs ai gps usb hd lcd fps mph kph rpm id
god allah internet web covid coronavirus english latin
i i'm i've i'd i'll`)

// givenNames are common first names across cultures; a capitalised run
// that starts with one is a person.
var givenNames = wordSet(`james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl
arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne
elijah randy roy vincent ralph eugene russell bobby mason philip louis tim tom jim bill bob mike steve
dave chris nick matt joe ben sam max alex tony ted fred hillary barack joe kamala nancy mitch
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine
debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly
lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
madison frances kathryn janice jean abigail alice julia judy sophia grace denise amber doris marilyn
danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori kate jane
ali mohammad mohammed muhammad mohamed ahmed ahmad hassan hussein hossein mahmoud mahmood abdul abdullah
omar umar khalid khaled reza hamid javad mohsen hamdullah bahram ashraf ibrahim yusuf youssef mustafa
abbas nasser naser jamal karim tariq faisal salman mehdi ebrahim hasan masoud majid saeed
vladimir sergei sergey dmitry alexei boris viktor igor ivan nikolai mikhail olga natalia tatiana
xi li wang zhang liu chen yang huang zhao wu zhou jinping shinzo narendra rahul imran nawaz shah
angela emmanuel francois jean pierre jacques marine nicolas theresa boris jeremy justin recep tayyip
benjamin benny bashar hosni recep kim moon jae shigeru yoshihide luiz jair andres manuel
avril adam kurt tim gordon myles mason hunter kylie anthony rudy lindsey devin elise marco bernie
elon jeff mark sundar satya warren`)

// speechVerbs introduce quotes and reported speech.
var speechVerbs = wordSet(`said says say told tells tell added adds stated states announced announces
noted notes warned warns claimed claims insisted insists argued argues explained explains wrote writes
tweeted tweets declared declares asserted asserts acknowledged acknowledges admitted admits confirmed
confirms denied denies suggested suggests stressed stresses emphasized emphasised urged urges recalled
replied replies responded responds continued continues concluded asked asks reported reports revealed
remarked observed commented predicted cautioned maintained contended believes believed thinks thought
disclosed alleged reiterated reiterates conceded`)

// ordinaryNameWords are everyday words common in the names of things
// (brands, venues, bands) and rare in people's names.
var ordinaryNameWords = wordSet(`big new old united national international first general american royal grand great
home rolling stone music air fan vote show max central forest lake park place drive road
street lane way court square global digital capital bay city county life silver blue red
night world game games sports news live media tech energy health care`)

// pronounSubjects resolve to the last named person.
var pronounSubjects = wordSet(`he she`)
