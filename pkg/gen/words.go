package gen

// Word lists the synthetic records are drawn from. Every name is made up.
var (
	firstNames = []string{"Ana", "Ben", "Chloe", "Dev", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jade",
		"Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara",
		"Uma", "Victor", "Wen", "Xavier", "Yara", "Zoe", "Aisha", "Bruno", "Carmen", "Dmitri",
		"Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luis", "Maya", "Nils"}
	lastNames = []string{"Adams", "Bauer", "Costa", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jensen",
		"Khan", "Lopez", "Moreau", "Nguyen", "Okafor", "Petrov", "Quist", "Rossi", "Silva", "Tanaka",
		"Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Andersen", "Brown", "Chen", "Dubois"}
	genders      = []string{"female", "male", "female", "male", "non-binary"}
	languages    = []string{"en", "en", "en", "es", "ar", "pl", "uk", "fr", "tr", "zh"}
	streets      = []string{"Mill Lane", "High Street", "Station Road", "Church Walk", "Park Avenue", "River Row", "Oak Close", "Victoria Road"}
	relations    = []string{"mother", "father", "daughter", "son", "guardian", "partner", "sister"}
	sources      = []string{"school", "GP", "hospital", "self", "police", "housing office", "youth service", "family", "food bank", "mental health team"}
	reasons      = []string{"Rent arrears and risk of eviction", "Recently discharged from hospital, lives alone", "Not attending school since the autumn", "Lost job; struggling with bills and food", "Carer breakdown; needs support at home", "Debt and anxiety; asked for help", "Moved to the area with no support network", "Repeated missed medical appointments"}
	roles        = []string{"social worker", "social worker", "nurse", "psychologist", "educator", "social worker"}
	strengths    = []string{"Close to a sister nearby", "Motivated to work", "Good cook", "Keeps appointments", "Active in a faith community", "Talented artist", "Supportive neighbour", "Speaks three languages", "Volunteers at the library"}
	networks     = []string{"low", "medium", "medium", "high"}
	priorities   = []string{"high", "medium", "low"}
	needTexts    = []string{"Behind on rent for three months", "No income since the job ended", "Meals skipped most days", "Cannot manage stairs at home", "Isolated; sees no one for days", "Anxiety stops her leaving the house", "Court date for unpaid fines", "No GP registration"}
	goalTexts    = []string{"Keep the tenancy", "Have a steady income", "Eat well every day", "Live safely at home", "See friends every week", "Feel calmer and sleep better", "Settle the debts", "Get back to school full time", "Find paid work"}
	actionTexts  = []string{"Apply for housing benefit", "Weekly food parcel", "Referral to debt advice", "Home care visits twice a week", "Counselling sessions", "Travel pass for appointments", "Join the after-school club", "Help with the job centre claim", "Register with a GP"}
	responsibles = []string{"worker", "client", "provider", "family"}
	reviewNotes  = []string{"Good progress; keep the plan as it is.", "Some setbacks this month; more support agreed.", "Attends every session; mood better.", "Missed two appointments; phoned and rearranged.", "Rent paid this month for the first time.", "Family meeting held; everyone on board."}
	evaluations  = []string{"Goals met; client confident to manage alone.", "Client moved out of the area; file passed on.", "Client no longer wished to work with us.", "Needs now met by another service."}
	noteBodies   = []string{"Home visit. Client well, flat tidy, post opened together.", "Phone call to check on the food parcel; it arrived.", "Met at the library to fill in the benefit form.", "Called the landlord with consent; arrears plan agreed.", "Client cancelled; rearranged for next week.", "Team meeting: discussed risks and next steps."}
	categories   = []string{"housing", "income", "food", "health", "child_care", "transport", "mental_health", "employment", "legal", "home_care"}
)

// The people and places around a client, and why things change.
var (
	surgeries      = []string{"Mill Lane Surgery", "Riverside Medical Centre", "Park View Practice", "Station Road Health Centre"}
	schools        = []string{"Riverside Primary", "St Mary's Primary", "Northside Academy", "Oak Close Junior School", "Victoria High School"}
	moveOutReasons = []string{"Moved in with the other parent", "Started university", "Moved into a flat of their own", "The relationship ended", "Moved to supported housing"}
	networkReasons = []string{"Her sister is moving away next month", "The neighbour does far more than the record shows", "Family support has broken down since the last visit", "Friends from church visit every day"}
)

// riskReasons and safetyPlans are what risk records say.
var (
	riskReasons = []string{"No concerns raised at the home visit", "Disclosed thoughts of self-harm", "Neighbour reported shouting at night",
		"School raised a safeguarding concern", "Missed three appointments and not answering the phone", "Relapse after six months sober"}
	safetyPlans = []string{"Daily check-in call; crisis line and out-of-hours team", "Stays with a relative until the injunction is served",
		"GP and school nurse informed; weekly joint visit", "Key safe fitted; carers twice a day"}
)
