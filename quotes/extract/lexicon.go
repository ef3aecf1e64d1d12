package extract

import "strings"

// The word lists below are read-only after package initialisation.

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// cueVerbs are the reporting verbs that introduce or close a quotation, in
// every form that reports (testdata/cues.txt). Base forms that are more often
// nouns (state, note, call, report, post, read) are left out.
var cueVerbs = set(`
say says said saying tell tells told telling add adds added adding
write writes wrote writing tweet tweets tweeted tweeting stated stating
insist insists insisted insisting ask asks asked asking explain explains explained explaining
continues continued continuing notes noted noting argue argues argued arguing
declare declares declared declaring reply replies replied replying respond responds responded responding
claims claimed claiming warn warns warned warning recall recalls recalled recalling
acknowledge acknowledges acknowledged acknowledging concede concedes conceded conceding
remark remarks remarked remarking announce announces announced announcing
joke jokes joked joking quip quips quipped quipping observes observed observing
suggest suggests suggested suggesting predict predicts predicted predicting
counter counters countered countering complain complains complained complaining
admit admits admitted admitting emphasize emphasizes emphasized emphasizing emphasise emphasised
urge urges urged urging conclude concludes concluded concluding reiterate reiterates reiterated reiterating
assert asserts asserted asserting boast boasts boasted boasting promise promises promised promising
pledge pledges pledged pledging vow vows vowed vowing shout shouts shouted shouting yell yells yelled yelling
exclaim exclaims exclaimed exclaiming chant chants chanted chanting testify testifies testified testifying
confirm confirms confirmed confirming reports reported reporting posted posting emailed
muse mused musing wonder wonders wondered wondering lament laments lamented lamenting scoffed
mock mocks mocked mocking blast blasts blasted blasting charged charging accuse accuses accused accusing
calls called calling describe describes described describing dubbed dubs brand brands branded branding
labeled labelled reads recount recounts recounted recounting interjected answered answers
thundered snapped fumed retorted cautioned proclaimed proclaims pleaded griped marveled marvelled
assure assures assured assuring
texted messaged cited citing quoted quotes summed began begins
agree agrees agreed agreeing disagreed disagrees echoed echoes echo echoing elaborated
mouthed mouthing utter utters uttered uttering exhorted exhorts demanded demands
sing sings sang singing barked growled scolded repeated repeats recited chimed bellowed hollered screamed whispered murmured
contend contends contended contending maintains maintained alleges stressed stresses stressing speculated speculates
confided confides opined opines reasoned theorized posited surmised hinted clarified clarifies underscored bragged bragging gushed crowed groused grumbled fretted sniped vented implored exhorted intoned reminisced protested objected
denounce denounces denounced denouncing decry decries decried decrying
indicated indicates
`)

// pointVerbs and goVerbs report with a particle: "pointed out", "went on".
var (
	pointVerbs = set(`point points pointed pointing`)
	goVerbs    = set(`go goes went going`)
)

// participleCues are cue verbs that have no subject of their own ("…," he
// said, adding that …): their speaker is the subject of the clause before
// them (testdata/seed.txt: "adding").
func isParticiple(w string) bool { return strings.HasSuffix(w, "ing") }

// pronouns resolve to a named mention (testdata/pronoun.txt).
var pronouns = set(`he she they it we i who`)

// honorifics give gender and are not part of a role.
var honorifics = map[string]gender{
	"mr.": male, "mr": male, "mrs.": female, "mrs": female, "ms.": female, "ms": female, "miss": female,
	"sir": male, "madam": female, "lady": female, "lord": male,
}

// titles are words that name an office or a function. Before a name they make
// up its role (Kremlin Spokesman Dmitry Peskov → role "Kremlin spokesman");
// at the head of a description they let "the spokesman" find the person.
var titles = set(`
president vice sen. senator rep. representative gov. governor secretary spokesman spokeswoman spokesperson
minister prime chairman chairwoman chair chief director ceo mayor judge justice attorney general gen.
lt. col. sgt. capt. adm. maj. cmdr. candidate nominee leader speaker ambassador adviser advisor aide
strategist manager commissioner rev. reverend pastor pope king queen prince princess dr. prof. professor
senior deputy assistant press majority minority ranking whip founder president-elect host anchor correspondent
analyst economist pollster official officer member sheriff chancellor ayatollah sheikh emir premier
congressman congresswoman councilman councilwoman councillor delegate lawmaker legislator surrogate
executive editor columnist commentator activist organizer chairperson treasurer comptroller superintendent
coach captain commander general colonel lieutenant sergeant admiral agent detective lawyer counsel
businessman businesswoman billionaire entrepreneur mogul magnate author writer historian scientist
researcher expert president's ex-president former acting interim then-candidate
actor actress singer comedian rapper producer prosecutor diplomat envoy rabbi imam bishop priest staffer moderator
striker goalkeeper goalie keeper defender midfielder winger forward quarterback pitcher catcher jockey referee
umpire skipper player teammate chef architect engineer designer pilot curator principal cfo coo cto
cllr dr prof sgt capt lt col maj cmdr adm rev insp supt det del. assemblyman assemblywoman alderman alderwoman
speechwriter advocate
barrister solicitor magistrate coroner paramedic surgeon physician headteacher vicar inspector constable
firefighter midwife pharmacist dentist accountant consultant trustee farmer shopkeeper landlord
`)

// personNouns head descriptions of people: "the senator", "a campaign
// spokesman". A pronoun can refer to a description whose head is one of these.
var personNouns = set(`
family families relatives winner incumbent challenger spokesman spokeswoman spokesperson senator governor secretary minister president chairman chairwoman
chief director ceo mayor judge candidate nominee leader speaker ambassador adviser advisor aide strategist
manager commissioner pastor official officer sheriff chancellor congressman congresswoman lawmaker
legislator surrogate executive editor columnist commentator activist organizer businessman businesswoman
billionaire entrepreneur mogul author writer historian scientist researcher expert analyst economist
pollster lawyer attorney source sources man woman voter supporter protester host anchor correspondent
official officials aides advisers analysts experts voters supporters protesters critics critic
friend mother father son daughter wife husband brother sister resident student teacher worker owner
predecessor successor colleague colleagues rival rivals opponent opponents ally allies partner neighbor
neighbour citizen citizens member members leader leaders people person residents observers
lady men women students justice latter former radioman host
representative rep. sen. gov. democrat republican veteran doctor nurse officer agent detective
actor actress singer comedian star celebrity athlete coach player artist musician rapper director producer
prosecutor prosecutors judge judges attorneys lawyers agents officers soldiers troops delegates donors
governors senators lawmakers legislators mayors candidates nominees leaders members voters workers
economists scientists researchers historians strategists pollsters consultants operatives insider insiders demonstrator demonstrators marcher marchers audience crowd crowds
adviser advisers aide aides staffer staffers volunteer volunteers organizer organizers founder founders
pastor priest bishop rabbi imam cleric minister ministers diplomat diplomats envoy envoys moderator moderators
advocate advocates biographer biographers relative relatives
striker goalkeeper goalie keeper defender midfielder winger quarterback pitcher referee skipper teammate
barrister solicitor magistrate coroner paramedic surgeon physician headteacher vicar landlord tenant
shopkeeper farmer driver commuter passenger patient victim witness survivor parent grandmother grandfather
uncle aunt cousin nephew niece fan accountant consultant trustee inspector constable firefighter soldier
pensioner retiree homeowner midwife pharmacist dentist boss employer employee receptionist cleaner
chef architect engineer designer pilot curator principal
teenager youngster rookie newcomer schoolboy schoolgirl mum mom dad grandson granddaughter
`)

// institutionWords end the names of bodies a person speaks for, besides
// organisationWords: the James Martin Center, Liberty Baptist Church.
var institutionWords = set(`church school college academy hospital clinic museum library watch project initiative
society alliance network studies research laboratory lab trust partners partnership council`)

// remarkNouns are words said, named by what they were: a comment, a
// promise (testdata/partial.txt).
var remarkNouns = set(`comment comments remark remarks promise pledge vow slogan quip line catchphrase mantra boast
rallying retort jab taunt insult barb`)

// claimNouns name what someone asserted, spelled out by a clause after
// them: her claim that …, his pledge to … (testdata/claims.txt).
var claimNouns = set(`statement statements comment comments remark remarks assertion assertions claim claims contention
insistence declaration prediction warning suggestion argument admission accusation boast pledge promise promises
vow vows threat call assurance conclusion conclusions finding findings report reports`)

// documentNouns name a text its maker issues: a statement, a letter
// (testdata/organisation.txt).
var documentNouns = set(`statement statements letter release memo report`)

// textNouns name remarks or a text someone made, which a participle cue
// after them quotes: his remarks calling …; Oake's tweet saying …
// (testdata/owners.txt).
var textNouns = set(`remark remarks comment comments statement statements tweet tweets post posts letter letters
email emails e-mail message messages memo speech op-ed column essay interview`)

// speechActNouns name a thing someone said, whose words may follow: her
// broadside against "…", his rejection of "…".
var speechActNouns = set(`broadside rejection mangling mispronunciation mispronunciations denunciation dismissal
attack attacks criticism critique defense defence embrace praise lament plea aside jab swipe`)

// ideaNouns name a notion someone put in words: the premise of "…", a goal
// of "…".
var ideaNouns = set(`premise goal message theme notion idea concept mantra vision promise doctrine`)

// chantNouns name words a crowd calls out: chants of "…", a chorus of "…".
var chantNouns = set(`chant chants chanting cries cry shouts shout calls chorus roar roars`)

// planNouns name a program someone put forward, or an account that posts for
// them, which speaks for them: her economic plan promises to "…"; her Twitter
// account posted: "…".
var planNouns = set(`plan plans platform proposal proposals agenda manifesto ad ads website account accounts`)

// thatVerbs report a clause of their own, whose verb may stand between them
// and the words they quote: saying the plan was "…".
var thatVerbs = set(`saying claiming arguing declaring warning insisting noting suggesting asserting writing adding
stating explaining predicting promising`)

// issueVerbs put out a document: the board issued a statement saying …
var issueVerbs = set(`issued released sent published posted distributed put`)

// pledgeNouns take "to" and a verb for what was pledged: his vow to stay
// "patient".
var pledgeNouns = set(`pledge promise promises vow vows threat call`)

// judgingVerbs judge or describe their object "as" something, the words
// after "as" being the subject's: slammed the plan as "…"
// (testdata/characterised.txt).
var judgingVerbs = set(`slammed slams slamming dismissed dismisses dismissing derided derides deriding decried decries
denounced denounces denouncing branded brands branding characterized characterizes characterizing characterised
portrayed portrays portraying hailed hails hailing mocked mocks mocking ridiculed ridicules ridiculing lambasted
blasted blasts blasting condemned condemns condemning touted touts touting depicted depicts depicting
described describes describing labeled labels labeling labelled criticized criticizes criticizing praised praises praising`)

// referVerbs take "to" before their object: refers to the councillor as
// "Ruby".
var referVerbs = set(`refer refers referred referring`)

// claimAdjectives may stand before a claim noun that could be a verb:
// her repeated claims that … (testdata/claims.txt).
var claimAdjectives = set(`repeated recent past earlier many frequent false public private several`)

// strangerNouns head descriptions of someone the article has not named,
// seldom the person the sentence before is about: "the spokesman said",
// "the protesters chanted", "the moderator said" (testdata/roles.txt).
var strangerNouns = set(`
spokesman spokeswoman spokesperson source sources
supporter supporters protester protesters moderator host member members person people man woman men women
voter voters resident residents friend friends group crowd audience observer observers critic critics
interviewer reporter reporters questioner caller worker workers student students insider insiders
`)

// abbreviations keep their period: it does not end a sentence.
var abbreviations = set(`
mr mrs ms dr sen rep gov gen lt col sgt capt adm maj cmdr st jr sr prof rev inc corp co ltd vs del
jan feb mar apr aug sept sep oct nov dec no mt ft hon pres atty supt dept esq gens reps sens govs
`)

// stateAbbrevs keep their period before a comma: Allentown, Pa., said.
var stateAbbrevs = set(`ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
neb nev okla ore pa penn tenn tex va vt wash wis wisc wyo`)

// npStop are lower-case words that cannot be part of a speaker's noun phrase:
// walking back from a cue verb stops at them.
var npStop = set(`
and but or nor that which when while because as if than so to by after before since until unless
is was are were be been being has have had do does did not no never also then later still just
it its this these those there here what where why how whether who whom whose
on in at for with from into onto over under about against between through during without within
said says say told added wrote asked according , ; :
would will could should can may might must shall
very really only even again further already once
close familiar ago known
`)

// adverbs may stand between a subject and its cue verb ("he also said",
// "Trump later told") and are skipped when looking for the subject.
var adverbs = set(`
also later then has had have once previously recently reportedly repeatedly again further simply
quickly immediately just originally initially earlier afterwards finally would will had
first flatly angrily bluntly calmly firmly frequently often publicly privately separately only even simply
now already never always still
`)

// dayWords are skipped together with "on" between a subject and its verb
// ("Trump on Monday said").
// weekdays are the days of the week, which also open phrases of time.
var weekdays = set(`monday tuesday wednesday thursday friday saturday sunday`)

var dayWords = set(`
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
morning afternoon evening night week weekend
`)

// organisationWords mark a proper noun phrase as an organisation, not a
// person: a pronoun "he" or "she" never refers to one, and "the White House
// said" is the White House's word; a college or an arena is no "he" either
// (testdata/organisation.txt).
var organisationWords = set(`
house department ministry committee party campaign news times post journal agency office council
administration company association union network university institute foundation center centre
bureau commission court congress senate army police tass reuters cnn nbc cbs abc fox msnbc bloomberg
politico press group coalition club inc. corp. corporation bank fund service services government
board staff team pac caucus federation organization organisation league command forces
kremlin pentagon guardian telegraph tribune herald gazette daily weekly magazine review radio tv
states kingdom republic nations emirates energy holdings capital partners media entertainment airlines
motors communications technologies industries systems solutions enterprises society trust convention
church conference summit debates commission
arena stadium hotel college school academy museum library hospital airport plaza tower
gallup poll survey report statement website blog twitter facebook
qaeda qaida taliban hezbollah hamas isis isil
`)

type gender uint8

const (
	unknownGender gender = iota
	male
	female
)

// givenNames gives the usual gender of common first names, so that "she
// said" does not land on the last man named (testdata/pronoun.txt).
var givenNames = func() map[string]gender {
	m := make(map[string]gender)
	for _, w := range strings.Fields(`
aaron adam alan albert alex alexander andrew anthony arthur barack barry ben benjamin bernie bill bob
bobby brad brian bruce carl charles charlie chris christopher chuck cory dan daniel david dennis dick
donald doug douglas ed eddie edward eric frank fred gary george gerald greg harry henry ian jack jacob
jake james jared jason jeb jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan joseph
josh joshua juan kevin larry lindsey marco mark martin matt matthew michael mike mitch mitt newt nick
paul pete peter phil ralph randy reince richard rick rob robert roger ron ronald rudy russ ryan sam
samuel scott sean stephen steve steven ted terry thomas tim timothy todd tom tony vladimir walter wayne
william willie bashar benjamin boris emmanuel xi recep narendra justin dmitry sergei hassan ali mohammad
muhammad ahmed omar kim jeh ash rex chuck trey darrell marc marcus keith kurt kyle lance luke neil
adrian alan allen andy arnold austin barney bernard billy blake brandon brett bryan caleb calvin cameron
carlos chad chester clarence clay clint cody colin craig curtis dale dana darren dean derek devin dominic
don donnie dwight earl edgar edwin elijah elliot emmett ernest ethan eugene evan francis franklin gabriel
gene gordon graham grant gregory guy harold harvey herbert howard hugh isaac ivan jack jackie jamal jay
jeremiah jesse jimmie joey jordan julian karl kenneth kent kirk lamar lawrence leon leonard lewis lloyd
lou louis lucas luther malcolm manuel mario marvin max maurice melvin micah miles milton mitchell morgan
nathan nathaniel neal nelson noah norman oliver oscar owen patrick perry preston quentin rafael ramon
randall raymond reggie rene ricardo ricky rodney roland ross russell ruben rudolph rufus salvador sanford
seth shane shawn sidney simon spencer stan sterling stuart sylvester ted terrence theodore timothy
travis troy tyler vernon victor wade wallace warren wesley wilbur winston woodrow zachary lindsey
john-paul jean-claude hank rand marco rafael beto ben
patrick ray reid roy sheldon stanley stuart vincent wolf jorge carlos jose luis jesus javier francisco
corey glenn glen ken kenny antonin merrick tad robby khizr dave davey zach zachary abraham rupert dinesh
geoff geoffrey enrique rahm trayvon marty nate nathan mikhail philip gonzalo fidel duncan morton igor eli
jaime dylann viktor bradley ari marcel xavier lyndon mohamed laquan daron reince newt mitt sherrod
elijah jeremiah joaquin julian ruben sergio pablo diego alejandro andres fernando ricardo eduardo
hillel moshe avi yitzhak shimon ehud binyamin vladislav dmitri alexei yuri boris nikolai andrei
francois jacques pierre nicolas jean-marc manuel matteo giuseppe angelo hans klaus jurgen wolfgang
bernd horst rodrigo recep ahmet mehmet hamid hussein abdul abdullah khalid tariq yusuf ibrahim
`) {
		m[w] = male
	}
	for _, w := range strings.Fields(`
abigail alice alicia amy andrea billie angela ann anna anne barbara betsy betty beverly brenda carly carol
caroline catherine cathy cecile chelsea cheryl christina christine claire cynthia dana debbie deborah
debra diana diane donna dorothy elaine elizabeth ellen emily emma eva frances gina gloria hannah heather
helen hillary hope huma ivanka jane janet janice jean jennifer jessica jill joan joanne jodi joni
josephine joyce judith judy julia julie karen kate katherine kathleen kathy kay kayleigh kellyanne
kelly kim kirsten kristen laura lauren linda lisa loretta lori louise lucy lynn madeleine margaret
maria marie marsha martha mary maxine megan melania melissa meghan michelle mia nancy natalie nicole
nikki olivia pam pamela patricia patty paula peggy rachel rebecca rosa ruth samantha sandra sara sarah
sharon shirley stephanie susan suzanne tammy teresa theresa tina tulsi valerie victoria virginia wendy
angela theresa marine hilary condoleezza nina ava rose donna dianne debbie michele kamala elise omarosa
melanie adriana alexandra alison allison amanda amber andrea annie april ashley audrey beth bonnie
brittany brooke candace carla carmen carrie cassandra charlotte cindy claudia colleen connie courtney
crystal daisy danielle darlene dawn denise diane dolores doris edith eileen eleanor elena elisa ella
erica erin esther ethel evelyn faith felicia fiona florence gail genevieve georgia geraldine gladys
grace gwen gwendolyn harriet hazel heidi holly irene iris jacqueline jasmine jeanne jenna jenny joanna
jocelyn johanna jolene josefina juanita june justine kara karla katie katrina kelley kendra kerry kristin
kristina krystal latoya leah leslie lillian lily lindsay lois lorraine lucia luisa lydia mabel madison
marcia margarita marilyn marisa marjorie marlene maureen maxine meredith mildred miranda molly monica
nadia naomi natasha nora norma olga paige patsy pauline pearl penny phyllis priscilla rachael ramona
regina renee rhonda rita roberta robin rosemary roxanne ruby sabrina sally sandy sarah savannah selena
shannon sheila sherry shirley silvia sofia sonia sonya stacy sue susanna sylvia tamara tanya tara
teri tiffany toni tracy ursula vanessa vera veronica vicki viola violet vivian wanda whitney yolanda
yvonne zoe nikki huma hope betsy ginni
megyn dena ghazala liz ivana luciana sahar zeynep joy marla jane janie jeanine jeannie kellie katy
kristi krysten tammy tamara lena lana leila layla aisha fatima maryam angelique ingrid greta heidi
ursula angela sigrid marine segolene christiane francoise marion nathalie sophie chloe camille
`) {
		if _, ok := m[w]; !ok {
			m[w] = female
		}
	}
	// Names borne by women and men alike say nothing of the gender: Terry
	// Strada … She continued (testdata/pronoun.txt).
	for _, w := range strings.Fields(`terry pat jordan alex sam jamie taylor leslie lee robin dana casey morgan jesse`) {
		m[w] = unknownGender
	}
	return m
}()

// demonyms turn a country into its adjective, so that a spokesman introduced
// in a sentence about Iran becomes the "Iranian foreign ministry spokesman"
// (testdata/seed.txt).
var demonyms = map[string]string{
	"afghanistan": "Afghan", "america": "American", "australia": "Australian", "austria": "Austrian",
	"belgium": "Belgian", "brazil": "Brazilian", "britain": "British", "canada": "Canadian",
	"china": "Chinese", "cuba": "Cuban", "egypt": "Egyptian", "france": "French", "germany": "German",
	"greece": "Greek", "india": "Indian", "indonesia": "Indonesian", "iran": "Iranian", "iraq": "Iraqi",
	"ireland": "Irish", "israel": "Israeli", "italy": "Italian", "japan": "Japanese", "jordan": "Jordanian",
	"lebanon": "Lebanese", "libya": "Libyan", "mexico": "Mexican", "netherlands": "Dutch",
	"pakistan": "Pakistani", "poland": "Polish", "qatar": "Qatari", "russia": "Russian",
	"saudi arabia": "Saudi", "spain": "Spanish", "sweden": "Swedish", "switzerland": "Swiss",
	"syria": "Syrian", "turkey": "Turkish", "ukraine": "Ukrainian", "venezuela": "Venezuelan",
	"yemen": "Yemeni", "korea": "Korean", "north korea": "North Korean", "south korea": "South Korean",
	"vietnam": "Vietnamese", "nigeria": "Nigerian", "kenya": "Kenyan", "norway": "Norwegian",
	"denmark": "Danish", "finland": "Finnish", "hungary": "Hungarian", "belarus": "Belarusian",
	"taiwan": "Taiwanese", "philippines": "Philippine", "argentina": "Argentine", "chile": "Chilean",
	"colombia": "Colombian", "peru": "Peruvian", "portugal": "Portuguese", "romania": "Romanian",
	"serbia": "Serbian", "algeria": "Algerian", "morocco": "Moroccan", "tunisia": "Tunisian",
	"ethiopia": "Ethiopian", "sudan": "Sudanese", "somalia": "Somali", "kuwait": "Kuwaiti",
	"bahrain": "Bahraini", "oman": "Omani", "armenia": "Armenian", "azerbaijan": "Azerbaijani",
	"georgia": "Georgian", "kazakhstan": "Kazakh", "uzbekistan": "Uzbek", "palestine": "Palestinian",
}

// sentenceWords are capitalised at the start of a sentence without being
// names: a proper noun phrase never starts with one.
var sentenceWords = set(`
the a an but and or so yet if when while as in on at for with from by after before since during
this that these those there here it its he she they we i you his her their our my your
what who why how where which wherever whenever whatever whoever whichever not no yes then now still also however meanwhile instead though although
because despite even just only more most some many much all both each every other another such
asked according speaking read see watch related click follow sign update editor's note advertisement
to of into about against like unlike via amid among people
nobody everybody somebody anybody everyone someone anyone none nothing everything something
`)

// openers start an adverbial phrase that comes before a sentence's subject
// and ends at a comma ("Asked about the polls, Trump …").
var openers = set(`outside inside near around across behind beyond throughout although though whereas whether because unless until once if asked speaking earlier later late early meanwhile instead still however yesterday today last this
in on at after before during when while as since following despite under with without for from amid
first second third finally indeed then now again also yet thus therefore moreover furthermore plus
nonetheless nevertheless similarly likewise ultimately overall besides otherwise instead soon perhaps back absent`)

// openingAdverbs open a sentence without a comma before its subject: "Then
// Trump went on the attack" (testdata/subjects.txt).
var openingAdverbs = set(`then now later still also again finally meanwhile however instead indeed thus
eventually ultimately soon recently earlier afterwards perhaps maybe`)

// indefinites stand as a subject for people the article does not name.
var indefinites = set(`some several others many both few most someone somebody`)

// partyWords and demonymWords describe people and are no one's name:
// Republican, Democrat, American.
var partyWords = set(`republican republicans democrat democrats democratic conservative conservatives liberal liberals
libertarian independent independents gop progressive progressives socialist evangelical evangelicals catholic catholics
christian christians muslim muslims jewish jews latino latinos hispanic hispanics`)

var demonymWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, d := range demonyms {
		m[strings.ToLower(d)] = true
		m[strings.ToLower(d)+"s"] = true
	}
	return m
}()

// nameParticles stand in lower case inside names: Bill de Blasio, Ludwig
// van Beethoven, Osama bin Laden.
// nameSuffixes close a name: Robert P. Casey Jr.
var nameSuffixes = set(`jr. jr sr. sr ii iii iv`)

var nameParticles = set(`de da di del della der den van von bin ibn al el la le du dos das`)

// listenerVerbs take the listener as their object: "told POLITICO" names
// who heard the words, never who said them.
var listenerVerbs = set(`told tells tell asked asks ask informed assured reminded`)

// subordinators open a clause inside a sentence: a name right after one is
// the clause's subject, not the sentence's. Not "while" and "whereas": the
// name after them is often the subject of a second main clause (Sanders held
// a rally while Clinton hosted an event).
var subordinators = set(`who whom whose what whether if because although though unless`)

// possessivePronouns open a noun phrase as its owner.
var possessivePronouns = set(`his her their its our my your`)

// prepositions before a name make it an object, never a subject.
var prepositions = set(`against of for to with by from on at in about over into toward towards between among`)

// copulas after a subject make what follows a description of it, not its
// words.
var copulas = set(`is are was were be been being 's seems seemed remains remained becomes became`)

// beforeVerb reports whether t, following a name, makes the name a subject:
// a reporting verb, an auxiliary, an adverb or a verb in the past tense.
func beforeVerb(t *token) bool {
	return t.kind == tWord && t.text == t.low && (cueVerbs[t.low] || adverbs[t.low] || copulas[t.low] || auxiliaries[t.low] ||
		!npStop[t.low] && (strings.HasSuffix(t.low, "ed") || irregularPast[t.low]))
}

var auxiliaries = set(`will would can could should may might must does did do has have had is was`)

// readyWords are adjectives whose subject is the speaker of the cue after
// them and "to": quick to add, careful to note.
var readyWords = set(`quick quicker eager careful keen swift fast ready happy glad anxious`)

// stanceWords say how firmly the subject before them holds what a colon
// after them quotes: she is sure that …: "…"; the board was blunt: "…".
var stanceWords = set(`sure certain convinced confident adamant blunt emphatic clear conclusive unequivocal firm
categorical defiant insistent direct frank candid`)

// statedNouns name a view or a line someone puts, which "is that" or "was
// that" spells out: his assumption was that …; her catch phrase was that ….
var statedNouns = set(`assumption assumptions belief view argument position point message line phrase slogan mantra
refrain theory thesis forecast`)

// months are never a speaker's name.
var months = set(`january february march april may june july august september october november december`)

// sourceNouns head descriptions of texts that speak for someone: "the
// statement said", "the report found".
var sourceNouns = set(`
statement report poll survey study analysis email e-mail letter memo ad advertisement tweet post message summary
website site document filing release book column editorial article headline lawsuit complaint
indictment ruling decision order opinion transcript video recording speech interview press-release
campaign committee newspaper paper tabloid magazine network station outlet group organization
publication networks statements response request listing segment program show school
organisation agency office department ministry government administration court panel board
voice-over voiceover brief motion affidavit petition testimony deposition memoir
`)

// places are capitalised words that name where, not who; "it" never stands
// for one: the U.S. … it warned (testdata/nobody.txt).
var places = set(`
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
vermont virginia washington wisconsin wyoming carolina dakota hampshire jersey york mexico
america europe asia africa washington london paris moscow beijing tehran jerusalem brussels berlin
chicago boston atlanta miami houston dallas detroit philadelphia baltimore denver seattle phoenix
cleveland orlando manhattan brooklyn queens bronx harlem hollywood silicon valley street avenue road
states united kingdom republic union nations emirates county city town island islands river lake
capitol hill beach park district state tower square garden u.s. u.k. d.c.
`)

// venueWords end the names of places that open with a first name: Madison
// Square Garden is no woman (testdata/surname.txt).
var venueWords = set(`square garden gardens hall arena stadium center centre plaza`)

// placePrefixes open the names of places: New York, San Diego, Fort Worth.
var placePrefixes = set(`new san santa los las el la south north east west fort saint st. st mount mt. lake port upper lower great`)

// timeWords are never the head of a speaker's description.
var timeWords = set(`month months year years week weeks day days time times night nights hour hours minute minutes
decade decades century morning afternoon evening weekend moment period season`)

// quotingVerbs hand the words to someone else: "she quoted her predecessor,
// who called the bridge …" is the predecessor's.
var quotingVerbs = set(`quote quotes quoted cite cites cited echo echoes echoed recalled recalls`)

// namingVerbs report a name or a label more often than words: after one, a
// description must name someone who speaks ("the loophole called an
// “inversion”" is no speaker).
var namingVerbs = set(`called calling calls dubbed dubs named labeled labelled described describes branded known titled`)

// irregularPast are past-tense verbs without -ed: a noun phrase read forward
// ends before one ("The men came …").
var irregularPast = set(`read came went took sought left goes sees saw made gave got found held led kept put ran stood
spoke wrote told brought thought felt heard knew met paid sent set sat won lost began became built bought
caught chose drew drove fell fought forgot grew hid hit hung lay leapt lent let lit meant rang rose sang
shook shot showed sold sought spent split spread stole struck swore taught tore threw understood woke wore`)
