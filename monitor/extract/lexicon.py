"""Word lists the extractor leans on: speech cues, titles, organisations, anonymous sources.

The lists are drawn from the verbs and titles that English-language news uses most. Everything is
lower case; callers compare with ``word.lower()``.
"""

from __future__ import annotations

from importlib import resources


def word_set(*groups: str) -> frozenset[str]:
    """The words of one or more space-separated strings."""
    return frozenset(w for group in groups for w in group.split())


_forms = word_set


#: Verbs of judgement that report speech only with "as" (or a quote, or "that") after their object.
JUDGING_AS = ("describe attacked attacks assailed assails hailed hails praised praises blasted blasts "
               "criticized criticizes criticised criticises touted touts pitched pitches denigrated "
               "slammed slams portrayed portrays lauded lauds derided derides mocked mocks decried decries "
               "depicted depicts")

#: Verbs by which a speaker names itself, a report only before "himself as", "herself as" …:
#: "bills himself as a moderate", "casts itself as the underdog", "introducing herself as Saya".
SELF_NAMING = "bills billing casts casting introduces introducing styles styling"
# (not the past forms, which are passives as often: "the conference, billed as …")

#: Verbs that introduce speech in any position (before, after or around a quote, or before "that").
CUE_VERBS = _forms(
    "said says say saying",
    "told tells tell telling",
    "added adds adding",
    "noted notes noting",
    "announced announces announcing",
    "tweeted tweets",
    "wrote writes written",
    "asked asks",
    "replied replies",
    "answered answers",
    "responded responds",
    "argued argues arguing",
    "confirmed confirms confirming",
    "warned warns warning",
    "urged urges",
    "explained explains explaining",
    "insisted insists insisting",
    "accused accuses accuse accusing",
    "complaining",
    "claimed claims claiming",
    "stressed stresses stressing",
    "stated states stating",
    "acknowledged acknowledges acknowledging",
    "admitted admits admitting",
    "denied denies",
    "declared declares declaring",
    "emphasised emphasized emphasises emphasizes",
    "reiterated reiterates",
    "suggested suggests",
    "predicted predicts predicting",
    "promised promises",
    "pledged pledges",
    "vowed vows",
    "recalled recalls remembered remembers",
    "remarked remarks",
    "commented comments",
    "concluded concludes concluding",
    # What a document, a poll or a court found: "court records show that …" (see FINDING_CUES).
    "show shows showed shown found finds",
    # What a court or an examiner decided: "the court ruled that …" (a finding: see FINDING_CUES).
    "ruled",
    "observed observes",
    "reported reports reporting",
    "posted posts",
    "alleged alleges alleging",
    "maintained maintains",
    "conceded concedes",
    "cautioned cautions",
    "complained complains",
    "countered counters",
    "interjected interjects retorted retorts rejoined rejoins",
    "continued continues",
    "shouted screamed whispered joked quipped quip quips",
    "shouts yelled yells screams whispers muttered mutters murmured murmurs cried barked snapped",
    "fumed fumes scoffed scoffs mused muses exclaimed exclaims gushed gushes",
    "laughed laughs sighed sighs",
    "pleaded pleads begged begs",
    "revealed reveals",
    "disclosed discloses divulged divulges",
    "indicated indicates",
    "assured assures",
    "boasted boasts",
    "lamented laments",
    "called calls described describes dubbed branded labelled labeled",
    "characterized characterizes characterised characterises",
    "calling describing dubbing branding labelling labeling",
    "rejected rejects dismissed dismisses denounced denounces condemned condemns",
    "contended contends",
    "estimated estimates",
    "wondered",
    "agreed agrees",
    "advised advises recommended recommends",
    # What a witness says in news of trials and hearings: "Cohen testified that …".
    "testified testifies asserted asserts asserting",
    # What a leader restates or stresses: "Mitsotakis underlined that …", "reaffirmed that …".
    "underlined underscored reaffirmed reaffirms",
    # What a law or a person lays down: "The Constitution specifies that …".
    "specified specifies stipulated stipulates",
    # Statements politicians' offices make: "McConnell's office clarified that …", "hinted that".
    "clarified clarifies hinted hints signaled signalled signals bragged brags proclaimed "
    "proclaims charged indicate",
    "warn argue insist claim admit deny suggest predict allege confirm announce explain stress "
    "acknowledge maintain contend",
    # More ways of saying: "Martin opines", "the ex-associate recounted", "he groused".
    "opined opines recounted recounts confided confides speculated speculates theorized "
    "theorised posited reasoned surmised elaborated elaborates affirmed affirms intoned groused "
    "griped grumbled bellowed thundered queried",
    # Ways of saying that have other senses ("questioned a witness", "sang a song"): next to a
    # quote mark or before "that" only (WEAK_CUES).
    _OTHER_SENSES := "questioned ventured chanted texted emailed messaged raged roared teased " \
                     "chuckled pondered sang rumbled objected protested interrupted",
    # Judgements with what is judged and "as" what: "attacked the inquiry as “garbage”", "hailed
    # the pipeline as an advance", "criticized the commutation as an abuse of power".
    JUDGING_AS,
    SELF_NAMING,
)

#: Cue verbs that double as nouns or have other senses: they count only next to a quote mark or
#: before "that" ("member states", "the company's claims", "notes from the meeting").
WEAK_CUES = _forms(
    "states notes claims reports posts remarks comments estimates continued continues "
    "agreed agrees indicated indicates observed observes revealed reveals suggests suggested "
    "maintains maintained recalled recalls remembered remembers telling tell "
    "concluded concludes estimated wondered called calls described describes dubbed branded "
    "characterized characterizes characterised characterises "
    "rejected rejects dismissed dismisses denounced denounces condemned condemns "
    "labelled labeled pleaded pleads begged begs laughed laughs sighed sighs "
    "rejoined rejoins divulged divulges show shows showed shown found finds answered answers mused muses "
    "cried barked snapped underlined underscored reaffirmed reaffirms specified specifies "
    "stipulated stipulates clarified clarifies hinted hints signaled signalled signals bragged "
    "brags proclaimed proclaims charged indicate",
    _OTHER_SENSES,
    JUDGING_AS,
    SELF_NAMING,
)

#: Cues that report speech only when a document, a poll, a study or a court is their subject
#: ("the poll found that …", "court records show that …"; not "she found that the door was
#: locked").
FINDING_CUES = _forms("show shows showed shown found finds ruled")

#: Heads of the subjects that a finding cue reports for, besides ``DOCUMENT_NOUNS``.
FINDING_SUBJECTS = _forms(
    "court courts judge judges jury panel investigation investigations inquiry probe "
    "investigators researchers scientists experiments experiment trial trials tests test "
    "evidence models model polling examiner examiners coroner coroners tribunal tribunals "
    "analysts analyst analyses analysis auditors auditor"
)

#: Who holds a social-media account, before its handle: "Another user @opentree20",
#: "Twitter user @notable1980 tweeted".
ACCOUNT_HOLDERS = frozenset(["user", "users", "blogger", "netizen", "tweeter", "tweep", "account",
                             "commenter"])

#: Cues that put a question: who asks is who a following "Q:" is.
ASK_CUES = _forms("asks asked ask asking")

#: Cue verbs whose object is the person spoken to ("told CBS", "assured reporters").
ADDRESSEE_CUES = _forms("told tells tell telling assured assures asked asks urged urges warned warns "
                        "promised promises reminded reminds informed informs")

#: Words between the speaker and the cue that are not part of either: auxiliaries and adverbs.
AUX_ADVERBS = _forms(
    "has have had was is were are will would could may might must can also later earlier "
    "again then previously once recently separately repeatedly further subsequently "
    "reportedly allegedly publicly privately initially originally later today yesterday "
    "tonight last night this week just already since never ever had previously "
    "once did does do not only himself herself itself themselves "
    "both all too shortly briefly firmly flatly bluntly openly angrily quietly simply "
    "separately even further still now finally long often frequently consistently routinely "
    "loudly",
)

#: Honorifics: dropped from a name; they are not a role.
HONORIFICS = _forms("mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady madam mx rev rev.")

#: Honorifics and titles that tell "he" from "she".
MALE_TITLES = _forms("mr mr. sir lord king prince emir sheikh pope duke baron father brother")
FEMALE_TITLES = _forms("mrs mrs. ms ms. miss dame lady queen princess duchess baroness madam sister")

#: Military and police ranks: kept in the role after the position ("Pentagon press secretary,
#: Brigadier General").
RANKS = _forms(
    "general gen gen. brigadier brig. colonel col col. lieutenant lt lt. major maj maj. "
    "captain capt capt. admiral adm adm. rear vice commander cmdr sergeant sgt sgt. corporal "
    "cpl private marshal field air chief petty warrant officer commodore ensign superintendent "
    "inspector detective constable chief det supt insp dci dc ds pc ch cdr airman seaman "
    "lance specialist",
)

#: Words that make up positions and titles (their head or their modifiers).
TITLE_WORDS = _forms(
    "spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen",
    "secretary minister president vice prime premier chancellor governor mayor senator sen.",
    "rep. representative congressman congresswoman lawmaker legislator mp mep deputy",
    "ambassador envoy diplomat consul director chief head chairman chairwoman chair ceo cfo coo",
    "executive officer commissioner commander adviser advisor aide analyst expert professor",
    "researcher economist strategist scientist leader king queen prince princess pope sheikh",
    "emir crown judge magistrate justice attorney lawyer prosecutor counsel editor correspondent",
    "founder co-founder owner manager coordinator negotiator delegate representative",
    "press foreign defence defense interior finance health security national state senior",
    "former acting assistant associate special military top deputy principal general chief",
    "communications public affairs spokesperson's first lady speaker majority",
    "minority whip leader's home trade economy economic energy justice education transport",
    "environment culture agriculture labour labor treasury intelligence cabinet presidential",
    "official officials regional local federal provincial opposition party lead co-author",
    "administrator dean provost rector registrar ombudsman auditor treasurer chairperson "
    "secretary-general director-general president-elect pm",
    # Irish, US-state and local titles that come before a name ("Tánaiste Leo Varadkar").
    "tánaiste taoiseach councillor councilor cllr cllr. councilman councilwoman alderman alderwoman "
    "assemblyman assemblywoman assemblymember delegate del. nominee candidate challenger incumbent",
    # Religious titles before a name ("Swami Chakrapani", "Ayatollah Ali Khamenei", "Monseñor
    # Jorge Scheinig", "Rev. Al Sharpton"): the role, not part of the name.
    "swami ayatollah sayyid mufti maulana reverend rev. monsignor monseñor monsenor",
    # Malaysian honorifics before a name ("Datuk Seri Anwar Ibrahim").
    "datuk datin dato dato' seri tun",
    OCCUPATIONS := (
        "coach player author writer novelist actor actress singer artist farmer driver nurse "
        "doctor teacher pilot student resident mother father wife husband son daughter brother "
        "sister friend neighbour neighbor victim survivor witness historian lecturer pastor priest "
        "rabbi imam bishop archbishop cardinal fan chef banker broker trader investor engineer "
        "architect designer journalist reporter photographer producer filmmaker campaigner "
        "activist organiser organizer volunteer worker shopkeeper owner pollster lawyer "
        "physician surgeon epidemiologist virologist researcher scientist economist analyst "
        "strategist consultant entrepreneur businessman businesswoman striker midfielder "
        "defender goalkeeper forward batsman bowler boxer runner athlete swimmer man woman boy "
        "girl grandmother grandfather widow widower pensioner teenager "
        # people of a crime or family story ("the boyfriend told investigators", "the suspect said")
        "boyfriend girlfriend fiance fiancee fiancé fiancée spouse cousin uncle aunt niece nephew "
        "roommate landlord tenant homeowner suspect defendant plaintiff gunman shooter attacker "
        "passenger bystander motorist shopper customer patient inmate prisoner employee coworker "
        "caregiver parent grandson granddaughter grandchild stepson stepdaughter stepfather "
        "stepmother sibling twin son-in-law daughter-in-law father-in-law mother-in-law "
        # people of local and crime news ("the real estate agent said", "a state trooper said")
        "agent clerk veteran retiree trucker miner contractor developer paramedic firefighter "
        "deputy trooper sheriff forester ranger planner forecaster "
        # trades and services ("the 47-year-old electrician said")
        # (not those that are also surnames or papers' names: Barber, Baker, Carpenter, Courier)
        "electrician plumber mechanic welder accountant cashier janitor hairdresser rancher "
        "dentist pharmacist therapist counselor counsellor psychologist psychiatrist veterinarian "
        "librarian programmer technician realtor salesman saleswoman homemaker housewife caretaker "
        "dockworker longshoreman midwife "
        # people of media, entertainment and workplace stories ("a former model told me"; a
        # "model" only after a word for one: see speakers)
        "model dancer intern booker receptionist waitress waiter bartender nanny comedian "
        "musician rapper poet soldier sailor assistant "
        # people of someone's circle ("a former colleague said", "a Trump ally said")
        "colleague co-worker teammate classmate schoolmate acquaintance confidant confidante "
        "associate mentor ally companion housemate flatmate partner "
        # scientists and writers by their field ("ecologist Chip Taylor of the University of Kansas")
        "ecologist biologist zoologist geologist sociologist climatologist meteorologist seismologist "
        "archaeologist archeologist anthropologist criminologist toxicologist pathologist cardiologist "
        "oncologist neurologist entomologist ornithologist botanist chemist physicist geneticist "
        "linguist volcanologist glaciologist oceanographer astronomer astrophysicist primatologist "
        "immunologist pediatrician demographer statistician mathematician playwright columnist cartoonist"
    ),
)

#: Words for someone of a person's circle: a role only in lower case ("Trump ally Roger Stone");
#: capitalised, the first word of a company's name ("Ally Financial", "Mentor Graphics").
CIRCLE_WORDS = _forms("colleague co-worker teammate classmate schoolmate acquaintance confidant "
                      "confidante mentor ally companion housemate flatmate partner")

#: Occupations: a role before a name ("coach Maria Lopez"), part of a name inside one ("Global Witness").
OCCUPATION_WORDS = _forms(OCCUPATIONS)

#: Nouns for a person that a story uses after naming them ("the 41-year-old", "the father").
PERSON_NOUNS = _forms("man woman boy girl mother father grandmother grandfather widow pensioner "
                      "teenager resident survivor victim "
                      # people of crime stories, before their names ("Serial killer Michael Ross told")
                      "killer murderer bomber hijacker rapist kidnapper assailant")

#: Head nouns that stand for an unnamed source.
ANON_HEADS = _forms(
    "backers proponents advocates defenders skeptics sceptics detractors "
    "official officials source sources person people diplomat diplomats aide aides insider "
    "insiders spokesman spokeswoman spokesperson representative representatives officer "
    "officers analyst analysts expert experts resident residents witness witnesses member "
    "members staffer staffers employee employees worker workers observer observers "
    "negotiator negotiators lawmaker lawmakers legislator legislators adviser advisers "
    "advisor advisors executive executives investigator investigators commander commanders "
    "soldier soldiers individual individuals figure figures relative relatives neighbour "
    "neighbours neighbor neighbors activist activists eyewitness eyewitnesses critics critic "
    "economists economist scientists scientist researchers researcher doctors doctor "
    "campaigners campaigner protesters protester supporters opponents investors traders "
    "lawyers lawyer parents teachers students voters survivors victims families leaders sides "
    "ministers senators governors mayors commanders spokespeople meteorologists forecasters "
    "rescuers firefighters paramedics medics engineers historians organisers organizers "
    "prosecutors investigators residents locals villagers farmers owners attorneys attorney family "
    "users user customers fans shoppers passengers viewers readers drivers players consumers buyers "
    "politicians politician hawks men women elders nurses pilots academics commentators pundits couple "
    "clinicians epidemiologists poster posters commenter commenters blogger bloggers authors "
    "co-authors coauthors "
    # someone the story meets and does not name ("the caller said", "says the guy")
    "caller callers guy fellow gentleman others interviewee interviewees respondent respondents "
    "examiner examiners coroner coroners allies ally "
    # who speaks for a performer or a firm ("Swift's rep told Fox News"; "Rep." is a title)
    "rep reps publicist publicists agent agents manager managers "
    # Documents speak for their authors: "the letter said", "the ruling said"; court papers
    # speak for themselves ("search warrant documents say", "court records show").
    "letter letters ruling filing memo complaint lawsuit indictment judgment judgement verdict "
    "study survey report statement documents papers records filings transcripts "
    "netizen netizens commenter commenters "
    "email e-mail emails tweet constitution charter treaty statute readout",
    # one of a group the list names in the plural ("said a voter", "a viewer wrote")
    "backer proponent advocate defender skeptic sceptic detractor supporter investor "
    "trader parent teacher student voter villager farmer owner customer fan shopper "
    "passenger viewer reader driver player consumer buyer elder academic pundit clinician "
    "author co-author listener follower subscriber tourist visitor commuter onlooker "
    "demonstrator",
    # people of war, disaster and migration news ("Refugees who fled said", "a migrant told")
    "refugee refugees migrant migrants evacuee evacuees immigrant immigrants mourner mourners "
    "worshipper worshippers pilgrim pilgrims hostage hostages detainee detainees fighter "
    "fighters rebel rebels militant militants settler settlers",
)
#: Holders of one office or rank in the plural ("the judges said", "three generals told"): in
#: lower case unnamed sources; capitalised after a name, a body's or a team's name ("the U.S.
#: Marshals", "the Milwaukee Admirals").
OFFICE_PLURALS = _forms(
    "judges justices magistrates generals admirals colonels captains corporals commodores "
    "detectives constables marshals delegates candidates envoys consuls deans principals provosts "
    "registrars chairs chairmen chairwomen congressmen congresswomen councilmen councilwomen "
    "assemblymen assemblywomen aldermen ombudsmen airmen billionaires millionaires tycoons "
    "magnates moguls hosts anchors speakers whips sheikhs emirs ayatollahs muftis spokespersons",
)


def _plural(word: str) -> str:
    """"friend" → "friends", "wife" → "wives", "actress" → "actresses", "man" → "men"."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("fe"):
        return word[:-2] + "ves"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


#: A group of people named by what they are ("The friends said", "Two of the nurses said"):
#: plurals of the words for a person, unnamed sources as much as "officials" are.
#: What an office issues in writing, a speaker for whoever issued it ("The document last year
#: said", "A 2015 federal court decision said", "the proclamation said", "the assessment warned").
_ISSUED_DOCUMENTS = ("document decision proclamation notice assessment proposal resolution guidance "
                     "affidavit petition warrant dossier declaration communique communiqué")
ANON_HEADS = ANON_HEADS | OFFICE_PLURALS \
    | frozenset(_plural(w) for w in OCCUPATION_WORDS | PERSON_NOUNS) - _forms(
    # (those a story's sources talk to, as a rule, rather than speak as: "spoke to reporters")
    "reporters journalists photographers"
) | _forms(_ISSUED_DOCUMENTS, "announcement analysis audit")

#: Words that open an anonymous noun phrase.
ANON_DETERMINERS = _forms(
    "a an one two three four five six several some many multiple other another senior "
    "unnamed anonymous",
)

#: Phrases that can follow an anonymous head ("a person familiar with the matter").
ANON_POSTMODIFIERS = (
    "in", "from", "at",
    "familiar with", "close to", "with knowledge of", "with direct knowledge of", "briefed on",
    "involved in", "speaking on condition", "who spoke on condition", "who asked not",
    "who declined", "who requested", "in the", "at the", "from the", "on the", "with the",
    "knowledgeable about", "aware of", "privy to", "who was not authorized",
    "who were not authorized", "not authorized", "who did not", "who would not",
    "working in", "working for", "working with", "based in", "across", "around the", "inside",
    "within",
)

#: Head words of organisation names ("the foreign ministry", "Acme Corp").
ORG_HEADS = _forms(
    "ministry department office bloc cartel government administration agency council committee "
    "commission parliament congress senate assembly court party army navy military police "
    "force forces command company corporation corp corp. inc inc. ltd ltd. plc group bank "
    "union unions association organisation organization federation institute university "
    "foundation service services authority authorities board bureau embassy consulate "
    "cabinet kremlin pentagon regime campaign team club league commission secretariat "
    "coalition alliance fund network guard guards ministry's agency's monitor observatory "
    "prosecutors presidency media watch regulator regulators watchdog firm programme program "
    "initiative project staff center centre laboratory management leadership directorate inspectorate "
    "division unit branch wing mission "
    # Kinds of company a story calls a company it has named: "the airline said".
    "airline carrier startup retailer automaker carmaker insurer lender studio platform "
    # Places that speak as organisations: "the hospital said", "the pub said".
    "hospital clinic school college pub bar restaurant hotel airport museum zoo charity church "
    "prison",
    # Local bodies and businesses of local news: "the city said", "the utility said".
    "city county district utility panel jury tribunal chain lab nonprofit operator distributor "
    "supplier",
    # More kinds of firm and body a story names a second time by what it is ("the brokerage said").
    "brokerage consultancy exchange conglomerate chipmaker drugmaker manufacturer developer "
    "publisher producer bottler refiner miner shipper railroad railway telecom "
    "conservancy think-tank thinktank caucus junta",
    # The sides of a court case speak as bodies: "The prosecution states that …", "the defense argued".
    "prosecution defense defence",
    # Bodies named "Conference of …": "the National Conference of State Legislatures".
    "conference",
    # Outlets that speak for themselves: "North Korea's official newspaper said", "the paper said".
    "newspaper paper broadcaster magazine website outlet publication journal",
)

#: Names that stand for an organisation or a government on their own.
ORG_NAMES = _forms(
    "kremlin pentagon nato eu who imf opec hamas hezbollah taliban reuters ap afp "
    "bloomberg cbs nbc abc cnn bbc fox msnbc pbs npr kcna tass ria interfax xinhua yonhap "
    "moscow washington beijing london paris berlin kyiv kiev tokyo seoul pyongyang tehran "
    "jerusalem brussels ankara delhi islamabad cairo riyadh damascus baghdad minsk warsaw "
    "russia china ukraine america britain france germany japan israel iran india pakistan "
    "turkey taiwan syria iraq egypt canada australia belarus poland italy spain korea "
    "whitehall westminster interpol frontex unicef unesco unhcr iaea fbi cia nsa dhs "
    "police",
)
#: Companies whose one-word names read like surnames ("Google said"); before one more capitalised
#: word they name a product or service ("Microsoft Teams").
COMPANY_NAMES = _forms(
    "google alphabet apple microsoft amazon meta facebook instagram whatsapp youtube tiktok "
    "bytedance valve netflix tesla spacex openai anthropic nvidia intel amd qualcomm samsung sony "
    "twitter snapchat linkedin bluesky weibo wechat "
    "nintendo uber lyft airbnb reddit spotify disney boeing airbus ryanair lufthansa "
    "pfizer moderna astrazeneca novartis walmart starbucks mcdonald's nike adidas ikea shell "
    "exxonmobil chevron gazprom rosneft huawei alibaba tencent baidu xiaomi toyota volkswagen",
)
ORG_NAMES = ORG_NAMES | COMPANY_NAMES
#: Places whose names stand for the office there ("Downing Street said", "the White House"): two
#: capitalised words that would otherwise read as a person's name.
GOVERNMENT_SEATS = frozenset(["white house", "downing street", "blue house", "capitol hill", "quai d'orsay",
                              "foggy bottom", "zhongnanhai"])

#: Capitalised words that end a company's or an institute's name ("Moody's Analytics",
#: "Brookings Institution"): never a surname. Compared only when capitalised, since most are
#: ordinary words too ("research", "capital").
CORPORATE_WORDS = _forms(
    "analytics institution research capital partners holdings associates labs laboratories "
    "economics securities insights advisors advisers consulting investments ventures systems "
    "technologies solutions brands motors airlines airways pharmaceuticals entertainment "
    "studios games software industries enterprises logistics trust",
)

#: Nouns for what is written or counted: "according to a Moody's Analytics report" stands for
#: Moody's Analytics, "data compiled by Bloomberg" for Bloomberg.
DOCUMENT_NOUNS = _forms(
    "report reports analysis data figures study studies survey surveys poll polls polling statement "
    "statements research records database filing filings letter memo estimates estimate "
    "statistics numbers review audit forecast forecasts projections census tally count "
    "findings paper calculations article articles release releases announcement documents "
    "papers transcript transcripts emails e-mails messages memos email e-mail message tweet "
    "tweets post posts readout readouts index indexes indices bulletin bulletins advisory "
    "advisories cable cables presentation presentations",
    # Court papers: "the Supreme Court's ruling" stands for the court, "Trump's lawsuit" for him.
    "ruling rulings opinion indictment lawsuit complaint motion dissent",
    # Founding texts that lay things down: "the state constitution specifies that …".
    "constitution charter treaty statute",
    # What a president or a court orders in writing: "The executive order said that …".
    "order orders",
    # and what else an office issues in writing, or an inquiry finds
    _ISSUED_DOCUMENTS, "decisions assessments investigation investigations inquiry probe",
    # A telling of events: "according to Tobin’s account" is Tobin's; a fact sheet is its issuer's.
    "account accounts sheet sheets",
)

#: Words after an outlet's name that are not part of it ("the Daily Express newspaper").
OUTLET_KIND_WORDS = _forms("newspaper paper magazine website site blog broadcaster channel")

#: First names that tell "he" from "she" when no title does ("Jessica Chastain ... she said").
FEMALE_FIRST_NAMES = _forms(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty "
    "margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah "
    "stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma "
    "nicole helen samantha katherine christine debra rachel catherine carolyn janet ruth maria "
    "heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith "
    "megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn "
    "janice jean abigail alice julia judy sophia grace denise amber doris marilyn danielle "
    "beverly isabella theresa diana natalie brittany charlotte marie kayla lori "
    "hillary kamala nancy marsha elise alison priti liz theresa ursula angela giorgia "
    "jacinda nicola mairead mary-lou leah claire sinead siobhan aoife niamh "
    "jane kate sue alexandria ilhan "
    "anne annie beth jo meg jen jenny kim pam sally wendy tina lucy molly holly ellen",
    # More common given names of women, in English news about the world.
    "ana sofia sophie clara eva eve elena irina olga natalia natasha svetlana tatiana yulia "
    "marina katarina ingrid astrid greta heidi hilary rosa rose lucia carmen isabel beatriz "
    "fernanda gabriela paula nadia fatima aisha amina leila layla yasmin zainab mariam miriam "
    "esther naomi ella chloe zoe lily mia ava amelia harriet fiona eleanor caroline louise "
    "joanna johanna monica veronica lydia tamara vera nina alexandra anastasia daria ekaterina "
    "valentina francesca giulia chiara martina annalena sabine petra birgit brigitte agnes marta "
    "magdalena agnieszka katarzyna priya anjali sunita meera nirmala indira susanne yvonne "
    "elisabeth gwyneth kristen letitia",
    # common in US politics and courts (not words of their own: no "hope", "cassidy")
    "nikki karine kari marjorie kyrsten tulsi fani tanya aileen ketanji sonia kirsten tammy "
    "gretchen kathy kristi stacey rashida ayanna pramila katie shelley cindy joni jeanne maggie "
    "patty mazie debbie jill melania ivanka kellyanne kayleigh karoline jasmine gina kay jeanine "
    "maxine",
    # More given names of women in news of politics and government, here and abroad (names that
    # are also words or common surnames left out).
    "alexis antonia beatrice benazir camilla condoleezza dianne dina eugenie golda hanan hasina "
    "hilda iryna kaja kemi lyudmila madeleine margrethe marianne meghan mette noor olena rania "
    "sanna segolene suella tzipi yuliia",
    # Given names of women common in Irish and British news.
    "saoirse ciara orla roisin caoimhe grainne eimear",
    # Common given names of women across Europe, Latin America, the Middle East, Asia and Africa,
    # as English news spells them (none that is a place, a brand or an English word).
    "oksana ksenia kseniya polina alina alisa valeria veronika viktoria yana galina larisa "
    "ludmila tatyana nataliya natalya evgenia sofiya ewa malgorzata zofia aleksandra lenka zuzana "
    "marketa ivana jelena milica dragana mirjana mateja sanne femke anke ilse ulrike katrin "
    "kathrin claudia silke steffi anja lena leonie frida freja linnea elin karin marit liisa aino "
    "helene aurelie camille celine chantal christelle elodie emilie isabelle juliette laetitia "
    "mathilde nathalie pauline sandrine sylvie valerie veronique virginie manon margaux agathe "
    "anais alessandra elisa federica ilaria roberta silvia simona antonella daniela patrizia "
    "raffaella alicia ines marisol pilar rocio consuelo ximena luisa mariana catalina juliana "
    "camila renata adriana luciana ayse fatma elif zeynep emine hatice merve esra noura samira "
    "salma huda dalia rasha lina amal maha maryam zahra fatemeh narges shirin parisa mahsa neda "
    "yuko keiko yoko akiko naoko tomoko sakura hana miyu haruka priyanka deepika aishwarya shreya "
    "pooja neha kavita rekha lakshmi shabana ngozi chimamanda fatou aminata winnie graca "
    "nkosazana naledi thandi zanele wanjiru akosua abena efua funmilayo folake chioma adaeze "
    "nneka cristina kristina katrina katharina caterina christiane kristin katja krystyna yekaterina",
)
MALE_FIRST_NAMES = _forms(
    "james robert john michael david william richard joseph thomas charles christopher daniel "
    "matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy "
    "ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin "
    "scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry "
    "tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy "
    "christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse "
    "bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy "
    "vincent ralph eugene russell bobby mason philip louis "
    "boris rishi keir leo micheal simon tony gordon vladimir dmitry sergei joe barack "
    "emmanuel olaf xi oscar tom tim jim bill mike steve dave ed ted ron chuck mitch "
    "eddie ian neil enda eamon diarmuid "
    "rick nick dan ben sam matt chris greg jeff ken doug fred ray phil andy rob bob",
    # More common given names of men, in English news about the world.
    "alexei alexey andrei andriy volodymyr oleksandr mykola igor yuri nikolai pavel viktor dmitri "
    "mikhail ivan sergey ahmed mohammed muhammad mohamed ali omar hassan hussein khalid mahmoud "
    "ibrahim yusuf mustafa abdullah yair avi moshe yitzhak naftali itamar francois jacques pierre "
    "friedrich hans klaus jurgen wolfgang heinrich karl giuseppe giovanni matteo marco luca "
    "antonio carlos miguel pedro luis jorge javier pablo diego rafael fernando alejandro enrique "
    "manuel francisco narendra rahul amit rajesh sanjay arvind imran nawaz shehbaz recep elon "
    "satya sundar pete rex norman ahmad",
    # common in US politics and courts (not words of their own: no "hunter", "rand", "tucker")
    "xavier merrick lloyd antony jake hakeem vivek josh gavin glenn jared kash rudy bennie jamaal "
    "raphael cory bernie sherrod jon mitt jerome ritchie newt brett clarence alvin",
    # More given names of men in news of politics and government, here and abroad (names that
    # are also words or common surnames left out).
    "abraham aidan akira aleksandr alistair anatoly andres angelo angus archie ariel arkady asa "
    "beau benny bernard beto brad callum cesar clifford cody colin connor corey danny declan "
    "derek derrick dick dimitri dominic donnie duane dustin dwayne eduardo edwin ehud emilio "
    "enrico ernest frederick fumio gareth gennady geoffrey gerard gerhard gideon giles gough "
    "gustavo hamad hamish harry hector helmut herman hiroshi hubert hugh humberto ignacio ilham "
    "ismail jagmeet jair jay jeffery jimmie jimmy jinping joaquin joel johnny julian julio kassym "
    "kenji kenny keqiang kieran konstantin kurt leonard lev liam lonnie lula lyndon malcolm marc "
    "marcus mario mathew maurice maxim melvin menachem mick nathaniel nicolas nigel nikol "
    "nursultan oleg oliver orlando orrin paolo petro ramon randolph raul reginald reince rhys "
    "ricardo ricky roberto rodney ronnie rory ruben rudolph rupert salvador sandro sebastian "
    "sergio shane shavkat shawn shimon shinzo silvio spiro stanislav steny takeshi tamim terrence "
    "theodore tobias todd tommy travis trevor tyrone ulysses victor wes woodrow xiaoping yahya "
    "yasser yevgeny yoav yoshihide zach",
    # Given names of men common in British, Irish and American news of every kind.
    "owen lucas aiden caleb evan isaac landon levi luke nolan wyatt brody finn dafydd iain "
    "fergus ewan niall cian oisin ruairi eoin seamus padraig",
    # Common given names of men across Europe, Latin America, the Middle East, Asia and Africa,
    # as English news spells them (none that is a place, a title or an English word).
    "denis anton artem artyom maksim kirill ruslan timur vadim vitaly vitaliy valery valeriy "
    "yaroslav bogdan taras vasily gleb grigory leonid stepan fyodor semyon yegor ilya nikita "
    "evgeny evgeniy denys serhiy mykhailo oleh yuriy dmytro vitali andrzej piotr tomasz krzysztof "
    "pawel marcin michal jakub mateusz lukasz wojciech grzegorz jiri petr miroslav zoran goran "
    "dragan nikola aleksandar matej andrej janez florian matthias stefan markus jonas lukas "
    "niklas felix moritz maximilian sven lars nils bjorn anders henrik jens soren mikkel rasmus "
    "mats jukka mikko antti juha sami pekka timo olli arnaud olivier thierry didier laurent "
    "philippe christophe sebastien guillaume antoine etienne mathieu benoit yves herve jeremie "
    "yannick fabien cedric ludovic loic alain gilles rene andre marcel dario massimo stefano "
    "alessandro davide fabio gianluca lorenzo riccardo emanuele federico vittorio umberto alberto "
    "joao rui tiago gonzalo rodrigo mateo hernan esteban fabian kemal mehmet ahmet emre "
    "murat hakan cem selim hamid reza hossein mehdi javad saeed majid bashar walid tariq "
    "samir karim nabil rami fadi youssef anwar jamal faisal salman osama hamza bilal adel ayman "
    "amr hazem hisham wael ziad raed abdul abdel takashi haruki kazuo shigeru taro koji ravi "
    "vijay sunil anil ajay vikram rohit arjun karan manish deepak ashok suresh ramesh mahesh "
    "prakash anand nitin sachin rajiv mukesh gautam kwame kofi chinedu emeka tunde olusegun "
    "muhammadu uhuru cyril thabo yoweri abiy nnamdi emmerson",
)


def _census_first_names() -> tuple[frozenset[str], frozenset[str]]:
    """The female and the male first names of ``data/census_first_names.tsv`` (the US Census
    list: many names American news quotes that the lists above leave out, "Megan", "Troy")."""
    female: set[str] = set()
    male: set[str] = set()
    table = resources.files(__package__).joinpath("data", "census_first_names.tsv")
    for line in table.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            (female if gender == "f" else male).add(name)
    return frozenset(female), frozenset(male)


_CENSUS_FEMALE, _CENSUS_MALE = _census_first_names()
FEMALE_FIRST_NAMES = FEMALE_FIRST_NAMES | (_CENSUS_FEMALE - MALE_FIRST_NAMES)
MALE_FIRST_NAMES = MALE_FIRST_NAMES | (_CENSUS_MALE - FEMALE_FIRST_NAMES)

#: First names given to men and women alike, which tell neither ("Kelly Aberasturi … He said",
#: "Kim Jong Un … he said").
UNISEX_FIRST_NAMES = _forms("kelly kim robin")

#: Capitalised plurals that name a group, not a person ("Democrats said…").
GROUP_NAMES = _forms(
    "democrats republicans conservatives liberals tories socialists communists greens "
    "nationalists separatists rebels militants insurgents houthis israelis palestinians "
    "ukrainians russians americans britons europeans iranians syrians iraqis afghans "
    "kurds saudis koreans indians pakistanis germans french italians taliban"
)

#: Media outlets: an addressee or a reporter of a statement, never its speaker.
OUTLET_NAMES = _forms(
    "cbs nbc abc cnn bbc fox msnbc pbs npr reuters ap afp bloomberg axios politico kcna tass "
    "ria interfax xinhua yonhap nhk aljazeera sky itv channel guardian times telegraph post "
    "journal independent economist mirror sun observer express spiegel bild monde figaro "
    "izvestia kommersant vedomosti pravda rt sputnik dpa efe ansa kyodo asahi mainichi "
    "wsj nyt ft lbc rte cbc abc7 newsmax semafor vox voa rfa",
)
#: Words that mark a capitalised phrase as a news organisation ("Fox News", "The Washington Post").
OUTLET_WORDS = _forms(
    "news times post journal herald tribune telegraph guardian gazette radio tv television "
    "press channel network broadcaster newspaper daily magazine review chronicle "
    "observer independent standard mail express mirror wire",
)

#: Audiences after "told": not an outlet.
AUDIENCES = _forms(
    "reporters journalists lawmakers parliament congress supporters crowd crowds audience "
    "students delegates viewers listeners members senators media press correspondents "
    "colleagues staff troops conference briefing hearing committee panel rally meeting "
    "session summit forum gathering congregation nation country court jury "
    # people a statement is made to, as news names them ("told investors", "told the judge")
    "investors analysts shareholders residents employees workers voters parents donors "
    "officials police cops investigators agents officers detectives prosecutors jurors judge board "
    "council legislators regulators friends family relatives neighbors neighbours attendees "
    "participants guests fans customers clients patients doctors nurses teachers mourners "
    "protesters worshippers followers readers reporter interviewer lawmaker senator commission correspondent "
    "assembly legislature chamber house party caucus cabinet union employees staffers aides "
    "allies donors diplomats counterparts leaders ministers executives bankers traders "
    "passengers survivors victims families children pupils parishioners subscribers community "
    "public world investor analyst panelists lawyers "
    "attorneys representatives delegation visitors crew soldiers sailors media",
)

#: Words that open a sentence before a comma or a lower-case word and are then no names
#: ("Within hours, the heirs persuaded …", "Remember during lockdown when …", "Video shows him
#: …"), but begin names before a capitalised word ("Beyond Meat", "Days Inn", "Inside Edition").
OPENING_WORDS = _forms(
    # Prepositions that open a sentence ("Within hours, the heirs persuaded …").
    "within among amid amidst throughout beyond inside outside across along toward towards "
    "behind beneath besides except via around between beside",
    # Imperatives that open a sentence ("Remember during lockdown when everyone was telling you …").
    "remember imagine consider picture suppose recall",
    # Spans of time that open a sentence ("Hours later, the company …").
    "seconds minutes hours days weeks months years decades moments",
    # Records that show someone speaking ("Video shows him telling …").
    "video videos footage audio tape recording clip photo photos images",
)

#: Capitalised words that start sentences and are not names.
NOT_NAMES = _forms(
    "a an the this that these those there here it its he she they we i you his her their our "
    "but and or so yet still however meanwhile also now then later earlier today yesterday "
    "tomorrow tonight when while after before since as if though although because in on at "
    "by for from with about over under into onto during until upon "
    "speaking asked asking writing according meanwhile instead indeed moreover furthermore "
    "previously separately separately last next first second finally overall nevertheless "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december what why how who where which "
    "hello welcome breaking update updated live watch read more see said says told added "
    "mr mrs ms dr all both some many several most no not one two three four five six seven "
    "eight nine ten some such other another each every any either neither nor "
    # Sentence starters that are not names ("Even Apple said", "Introduced in 2020, the law…").
    "even only just introduced unlike despite based",
    # Prepositions that open a sentence ("Amongst reported incidents, …", "Per the decree, …").
    "amongst among amid amidst whilst throughout per beyond within across around toward towards",
    # Sentence starters that open a clause ("Once Fetter arrived …", "Whether Cole knew …").
    "once whenever unless whether perhaps maybe sometimes soon thus hence shortly lately likewise "
    "otherwise nonetheless thereafter afterward afterwards elsewhere together",
    # Auxiliaries that open a question ("Can Trump's return …?", "Does Europe …?").
    "can could would should shall might must does did do is are was were has have had",
) | OPENING_WORDS

#: Finite auxiliaries: in lower case never inside a speaker's noun phrase ("police were
#: investigating whether a manifesto …" is a clause).
AUXILIARIES = frozenset(["is", "are", "was", "were", "has", "have", "had", "will", "would"])

#: Subject pronouns and the speaker kind they can stand for.
PRONOUNS: dict[str, str] = {
    "he": "person",
    "she": "person",
    "it": "organisation",
    "they": "group",
}

#: Words that, after a cue, begin adverbials to skip before the reported clause.
TIME_WORDS = _forms(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "earlier later recently previously late early morning afternoon evening night week "
    "weekend month year",
)

#: Prepositions that open an adverbial after a cue ("said in a statement", "told CBS on Monday").
ADVERBIAL_PREPOSITIONS = _forms("in on at during after before late early via through over from for")

#: Head nouns of positions: a role ends with one of these ("Kremlin spokesman", "Foreign Minister").
POSITION_HEADS = _forms(
    "spokesman spokeswoman spokesperson secretary minister president premier chancellor governor "
    "mayor senator sen. rep. representative congressman congresswoman lawmaker mp mep "
    "ambassador envoy consul director chief head chairman chairwoman chair ceo cfo coo "
    "executive officer commissioner commander adviser advisor aide analyst expert professor "
    "researcher economist strategist scientist leader king queen prince princess pope sheikh "
    "emir judge justice attorney lawyer prosecutor counsel editor correspondent founder owner "
    "administrator dean provost rector registrar ombudsman auditor treasurer chairperson pm "
    "manager coordinator negotiator delegate speaker whip official general colonel admiral "
    "captain lieutenant sergeant marshal tánaiste taoiseach councillor councilor councilman "
    "councilwoman alderman alderwoman assemblyman assemblywoman assemblymember delegate",
    # Candidates in an election: "the Republican nominee", "the Democratic candidate".
    "nominee candidate challenger incumbent",
    # People of political, business and celebrity news, called so after they are named ("the
    # billionaire said", "the former first lady said"), and of an exchange a story reports ("the
    # host asked"); heads of a description only, no titles before a name ("Celebrity Cruises").
    "billionaire millionaire mogul tycoon magnate heiress socialite celebrity front-runner "
    "frontrunner contender president-elect lady narrator host anchor interviewer moderator",
    OCCUPATIONS,
)

#: Abbreviated titles written out in a role.
TITLE_ABBREVIATIONS: dict[str, str] = {
    "sen.": "Senator", "rep.": "Representative",
    "gen.": "General", "gen": "General", "lt.": "Lieutenant", "lt": "Lieutenant",
    "col.": "Colonel", "col": "Colonel", "maj.": "Major", "capt.": "Captain",
    "adm.": "Admiral", "sgt.": "Sergeant", "gov.": "Governor", "pres.": "President",
    "brig.": "Brigadier", "cmdr.": "Commander", "prof.": "Professor", "prof": "Professor",
    "del.": "Delegate",
}

#: Glue words inside a title or an organisation ("Secretary of State", "adviser to the president").
GLUE = _forms("of for at to the and")

#: Name particles written in lower case ("Ursula von der Leyen", "Bashar al-Assad").
NAME_PARTICLES = _forms("de da van von der den bin bint ibn al el la le du del dela di dos das")

#: Determiners and numbers that open a noun phrase.
DETERMINERS = _forms(
    "the a an one two three four five six seven eight nine ten several some many multiple "
    "other another his her their its our two-thirds dozens hundreds thousands",
)


def word_alternation(words: frozenset[str] | set[str]) -> str:
    """A regex alternation matching any of ``words``, factored into a prefix tree.

    Python's regex engine tries alternatives one by one; sharing prefixes ("said|says|saying"
    becomes "sa(?:id|ys|ying)") makes a list of a few hundred cue words several times faster.
    """
    import re

    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and not ends:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if ends else "")

    return emit(tree)
