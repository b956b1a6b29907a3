/*
 * test_cases.h -- the table of the numbers plugin's unit tests.
 *
 * Written from English usage and from plugins/numbers/README.md (the spec of
 * what the plugin emits), one group per phenomenon of issue 3.  Each row is
 * a sentence and EVERY span the plugin must emit for it: the exact span
 * text, the label and all attributes ("key=value key=value").  A row with no
 * spans is a negative case: nothing may be emitted.
 */
#ifndef NUM_TEST_CASES_H
#define NUM_TEST_CASES_H

#include <stddef.h>

typedef struct exp_span {
    const char *text;
    const char *label;
    const char *attrs;
} exp_span;

typedef struct num_case {
    const char *input;
    exp_span spans[4];
} num_case;

#define C "CARDINAL"
#define O "ORDINAL"
#define P "PERCENT"
#define M "MONEY"
#define Q "QUANTITY"

/* ---- digits ------------------------------------------------------------- */
static const num_case cases_digits[] = {
    {"We counted 7 cars.", {{"7", C, "value=7"}}},
    {"There were 30 new models.", {{"30", C, "value=30"}}},
    {"It sold 85,810 units.", {{"85,810", C, "value=85810"}}},
    {"A total of 1,234,567 votes.", {{"1,234,567", C, "value=1234567"}}},
    {"He owns 1\xe2\x80\x89"
     "000 books.",
     {{"1\xe2\x80\x89"
       "000",
       C, "value=1000"}}},
    {"He owns 25\xc2\xa0"
     "000 books.",
     {{"25\xc2\xa0"
       "000",
       C, "value=25000"}}},
    {"The rate was 3.5 on average.", {{"3.5", C, "value=3.5"}}},
    {"The ratio fell to 0.25 last week.", {{"0.25", C, "value=0.25"}}},
    {"It measured .5 on the scale.", {{".5", C, "value=0.5"}}},
    {"The index stood at 1,234.56 points.", {{"1,234.56", C, "value=1234.56"}}},
    {"A score of 0 is possible.", {{"0", C, "value=0"}}},
    {"The value was 2.50 exactly.", {{"2.50", C, "value=2.5"}}},
    {"Avogadro gave 6.022e23 particles.", {{"6.022e23", C, "value=602200000000000000000000"}}},
    {"A size of 1.5E-3 was seen.", {{"1.5E-3", C, "value=0.0015"}}},
    {"There are 100 seats.", {{"100", C, "value=100"}}},
    {"In 2016, sales rose.", {{"2016", C, "value=2016"}}},
    {"It happened in 1999.", {{"1999", C, "value=1999"}}},
    {"a deal signed in 2022", {{"2022", C, "value=2022"}}},
    {"The number 42 appears.", {{"42", C, "value=42"}}},
    {"(12)", {{"12", C, "value=12"}}},
    {"Of 60,000 fans, most cheered.", {{"60,000", C, "value=60000"}}},
    {"The list had 1,000,000 names.", {{"1,000,000", C, "value=1000000"}}},
    {"Only 3 remain.", {{"3", C, "value=3"}}},
    {"He scored 12, 15 and 18.",
     {{"12", C, "value=12"}, {"15", C, "value=15"}, {"18", C, "value=18"}}},
    {"the numbers 1,2 are listed.", {{"1", C, "value=1"}, {"2", C, "value=2"}}},
    {"It was 10.", {{"10", C, "value=10"}}},
    {"Revenue was 3.14159 units.", {{"3.14159", C, "value=3.14159"}}},
    {"About 40 people came.", {{"40", C, "value=40 mod=approx"}}},
    {"nearly 5,000 jobs", {{"5,000", C, "value=5000 mod=less_than"}}},
    {"more than 100 shops", {{"100", C, "value=100 mod=more_than"}}},
    {"at least 12 dead", {{"12", C, "value=12 mod=at_least"}}},
    {"up to 30 days", {{"30", C, "value=30 mod=at_most"}}},
    {"fewer than 10 cars", {{"10", C, "value=10 mod=less_than"}}},
    {"some 300 workers", {{"300", C, "value=300 mod=approx"}}},
    {"around 2,500 homes", {{"2,500", C, "value=2500 mod=approx"}}},
    {"roughly 70 firms", {{"70", C, "value=70 mod=approx"}}},
    {"almost 90 minutes", {{"90", C, "value=90 mod=less_than"}}},
    {"over 200 flights", {{"200", C, "value=200 mod=more_than"}}},
    {"less than 1.5 points", {{"1.5", C, "value=1.5 mod=less_than"}}},
    {"approximately 45 staff", {{"45", C, "value=45 mod=approx"}}},
};

/* ---- words --------------------------------------------------------------- */
static const num_case cases_words[] = {
    {"It has zero debt.", {{"zero", C, "value=0"}}},
    {"She has one brother.", {{"one", C, "value=1"}}},
    {"They have two sons.", {{"two", C, "value=2"}}},
    {"Three people died.", {{"Three", C, "value=3"}}},
    {"just four models", {{"four", C, "value=4"}}},
    {"five cars", {{"five", C, "value=5"}}},
    {"six lanes", {{"six", C, "value=6"}}},
    {"seven days", {{"seven", C, "value=7"}}},
    {"eight ships", {{"eight", C, "value=8"}}},
    {"nine lives", {{"nine", C, "value=9"}}},
    {"ten men", {{"ten", C, "value=10"}}},
    {"eleven players", {{"eleven", C, "value=11"}}},
    {"twelve jurors", {{"twelve", C, "value=12"}}},
    {"thirteen steps", {{"thirteen", C, "value=13"}}},
    {"nineteen rooms", {{"nineteen", C, "value=19"}}},
    {"twenty firms", {{"twenty", C, "value=20"}}},
    {"twenty-one guns", {{"twenty-one", C, "value=21"}}},
    {"twenty one guns", {{"twenty one", C, "value=21"}}},
    {"forty-two answers", {{"forty-two", C, "value=42"}}},
    {"ninety-nine problems", {{"ninety-nine", C, "value=99"}}},
    {"a hundred years", {{"a hundred", C, "value=100"}}},
    {"one hundred cars", {{"one hundred", C, "value=100"}}},
    {"two hundred and fifty houses", {{"two hundred and fifty", C, "value=250"}}},
    {"three hundred five", {{"three hundred five", C, "value=305"}}},
    {"a thousand cuts", {{"a thousand", C, "value=1000"}}},
    {"five thousand troops", {{"five thousand", C, "value=5000"}}},
    {"eighty-five thousand eight hundred and ten units",
     {{"eighty-five thousand eight hundred and ten", C, "value=85810"}}},
    {"twenty-one million people", {{"twenty-one million", C, "value=21000000"}}},
    {"a million reasons", {{"a million", C, "value=1000000"}}},
    {"two billion users", {{"two billion", C, "value=2000000000"}}},
    {"three trillion", {{"three trillion", C, "value=3000000000000"}}},
    {"one million two hundred thousand",
     {{"one million two hundred thousand", C, "value=1200000"}}},
    {"nineteen hundred miles away", {{"nineteen hundred miles", Q, "value=1900 unit=mi"}}},
    {"a dozen eggs", {{"a dozen", C, "value=12"}}},
    {"two dozen roses", {{"two dozen", C, "value=24"}}},
    {"dozens of people", {{"dozens", C, ""}}},
    {"hundreds of homes", {{"hundreds", C, ""}}},
    {"thousands of protesters", {{"thousands", C, ""}}},
    {"tens of thousands of fans", {{"tens of thousands", C, ""}}},
    {"hundreds of thousands of jobs", {{"hundreds of thousands", C, ""}}},
    {"1.5 million", {{"1.5 million", C, "value=1500000"}}},
    {"3bn people", {{"3bn", C, "value=3000000000"}}},
    {"2 thousand visitors", {{"2 thousand", C, "value=2000"}}},
    {"1.5 billion", {{"1.5 billion", C, "value=1500000000"}}},
    {"7.25 million subscribers", {{"7.25 million", C, "value=7250000"}}},
    {"0.5 million", {{"0.5 million", C, "value=500000"}}},
    {"3 trillion", {{"3 trillion", C, "value=3000000000000"}}},
    {"4.2 bn", {{"4.2 bn", C, "value=4200000000"}}},
    {"12mn viewers", {{"12mn", C, "value=12000000"}}},
    {"half a million people", {{"half a million", C, "value=500000"}}},
    {"half a dozen times", {{"half a dozen", C, "value=6"}}},
    {"about a half million people", {{"a half million", C, "value=500000 mod=approx"}}},
    {"in a half dozen states", {{"a half dozen", C, "value=6"}}},
    {"several thousand scientists", {{"several thousand", C, ""}}},
    {"a few hundred protesters", {{"a few hundred", C, ""}}},
    {"several hundred thousand", {{"several hundred thousand", C, ""}}},
    {"several people", {{NULL, NULL, NULL}}},
    {"by several billion dollars", {{"several billion dollars", M, "currency=USD"}}},
    {"thousands of pounds", {{"thousands of pounds", M, "currency=GBP"}}},
    {"a few days", {{NULL, NULL, NULL}}},
    {"the bombing that killed one person", {{"one", C, "value=1"}}},
    {"three remain and one has left", {{"three", C, "value=3"}, {"one", C, "value=1"}}},
    {"a series of StatesWest 6% preferred", {{"6%", P, "value=6"}}},
    {"``Being 48 is too early''", {{"48", C, "value=48"}}},
    {"in three or four countries", {{"three", C, "value=3"}, {"four", C, "value=4"}}},
    {"one of its plants", {{"one", C, "value=1"}}},
    {"One of them left.", {{"One", C, "value=1"}}},
    {"seventy-seven", {{"seventy-seven", C, "value=77"}}},
    {"sixty thousand", {{"sixty thousand", C, "value=60000"}}},
    {"four hundred thousand", {{"four hundred thousand", C, "value=400000"}}},
    {"a hundred and one", {{"a hundred and one", C, "value=101"}}},
    {"fifteen hundred", {{"fifteen hundred", C, "value=1500"}}},
    {"thirty-three", {{"thirty-three", C, "value=33"}}},
    {"eighteen", {{"eighteen", C, "value=18"}}},
    {"seventeen", {{"seventeen", C, "value=17"}}},
    {"fourteen", {{"fourteen", C, "value=14"}}},
    {"sixteen", {{"sixteen", C, "value=16"}}},
    {"fifty", {{"fifty", C, "value=50"}}},
    {"sixty", {{"sixty", C, "value=60"}}},
    {"seventy", {{"seventy", C, "value=70"}}},
    {"eighty", {{"eighty", C, "value=80"}}},
    {"ninety", {{"ninety", C, "value=90"}}},
    {"thirty", {{"thirty", C, "value=30"}}},
    {"forty", {{"forty", C, "value=40"}}},
    {"a three-member panel", {{"three", C, "value=3"}}},
    {"two or three", {{"two", C, "value=2"}, {"three", C, "value=3"}}},
    {"five and six", {{"five", C, "value=5"}, {"six", C, "value=6"}}},
    {"1.2 trillion", {{"1.2 trillion", C, "value=1200000000000"}}},
    {"exceeds seven hundred millions.", {{"seven hundred millions", C, "value=700000000"}}},
    {"more than $2.5 millions",
     {{"$2.5 millions", M, "value=2500000 currency=USD mod=more_than"}}},
    {"Rs 13 crore", {{"Rs 13 crore", M, "value=130000000 currency=INR"}}},
    {"two lakh people", {{"two lakh", C, "value=200000"}}},
    {"but a more progressive one.", {{NULL, NULL, NULL}}},
    {"a brilliant one after sunset", {{NULL, NULL, NULL}}},
    {"if one knew that", {{NULL, NULL, NULL}}},
    {"one could argue", {{NULL, NULL, NULL}}},
    {"a one-to-one match", {{NULL, NULL, NULL}}},
    {"the cost of one ticket", {{"one", C, "value=1"}}},
    {"another one arrived", {{NULL, NULL, NULL}}},
    {"nearly half of them", {{"half", C, "value=0.5 fraction=1/2 mod=less_than"}}},
    {"SEK100 million aid", {{"SEK100 million", M, "value=100000000 currency=SEK"}}},
};

/* ---- ordinals ------------------------------------------------------------ */
static const num_case cases_ordinals[] = {
    {"the first time", {{"first", O, "value=1"}}},
    {"First, we went home.", {{"First", O, "value=1"}}},
    {"the second round", {{"second", O, "value=2"}}},
    {"a second opinion", {{"second", O, "value=2"}}},
    {"the third quarter", {{"third", O, "value=3"}}},
    {"his fourth album", {{"fourth", O, "value=4"}}},
    {"the fifth day", {{"fifth", O, "value=5"}}},
    {"sixth place", {{"sixth", O, "value=6"}}},
    {"seventh heaven", {{"seventh", O, "value=7"}}},
    {"eighth grade", {{"eighth", O, "value=8"}}},
    {"ninth inning", {{"ninth", O, "value=9"}}},
    {"tenth anniversary", {{"tenth", O, "value=10"}}},
    {"eleventh hour", {{"eleventh", O, "value=11"}}},
    {"twelfth night", {{"twelfth", O, "value=12"}}},
    {"the thirteenth floor", {{"thirteenth", O, "value=13"}}},
    {"nineteenth century", {{"nineteenth", O, "value=19"}}},
    {"twentieth century", {{"twentieth", O, "value=20"}}},
    {"twenty-first century", {{"twenty-first", O, "value=21"}}},
    {"thirty-second floor", {{"thirty-second", O, "value=32"}}},
    {"fiftieth anniversary", {{"fiftieth", O, "value=50"}}},
    {"ninety-ninth time", {{"ninety-ninth", O, "value=99"}}},
    {"hundredth birthday", {{"hundredth", O, "value=100"}}},
    {"the one hundred and first", {{"one hundred and first", O, "value=101"}}},
    {"the thousandth visitor", {{"thousandth", O, "value=1000"}}},
    {"the millionth customer", {{"millionth", O, "value=1000000"}}},
    {"the 21st century", {{"21st", O, "value=21"}}},
    {"the 2nd place", {{"2nd", O, "value=2"}}},
    {"the 3rd option", {{"3rd", O, "value=3"}}},
    {"the 100th day", {{"100th", O, "value=100"}}},
    {"its 53rd meeting", {{"53rd", O, "value=53"}}},
    {"the 4th of July", {{"4th", O, "value=4"}}},
    {"the 11th hour", {{"11th", O, "value=11"}}},
    {"the 12th man", {{"12th", O, "value=12"}}},
    {"the 1st step", {{"1st", O, "value=1"}}},
    {"the 22nd time", {{"22nd", O, "value=22"}}},
    {"first-ever win", {{"first", O, "value=1"}}},
    {"the second-largest maker", {{"second", O, "value=2"}}},
    {"for a second term", {{"second", O, "value=2"}}},
    {"the last and first", {{"first", O, "value=1"}}},
    {"wait a second", {{NULL, NULL, NULL}}},
    {"Wait a second, please.", {{NULL, NULL, NULL}}},
    {"a second later it fell", {{NULL, NULL, NULL}}},
    {"a split second", {{NULL, NULL, NULL}}},
    {"at 26 cycles a second", {{"26", C, "value=26"}}},
    {"every single second of it", {{NULL, NULL, NULL}}},
    {"30 second clips", {{"30", C, "value=30"}}},
    {"second-hand cars", {{NULL, NULL, NULL}}},
    {"the first and second", {{"first", O, "value=1"}, {"second", O, "value=2"}}},
    {"sixtieth", {{"sixtieth", O, "value=60"}}},
    {"seventieth", {{"seventieth", O, "value=70"}}},
    {"eightieth", {{"eightieth", O, "value=80"}}},
    {"ninetieth", {{"ninetieth", O, "value=90"}}},
    {"fourteenth", {{"fourteenth", O, "value=14"}}},
};

/* ---- fractions ------------------------------------------------------------ */
static const num_case cases_fractions[] = {
    {"1/2 of it", {{"1/2", C, "value=0.5 fraction=1/2"}}},
    {"3/4 of voters", {{"3/4", C, "value=0.75 fraction=3/4"}}},
    {"1/3 of voters", {{"1/3", C, "value=0.333333 fraction=1/3"}}},
    {"2 1/2 cups", {{"2 1/2 cups", Q, "value=2.5 unit=cup fraction=5/2"}}},
    {"closed at $19 7/16 a share", {{"$19 7/16", M, "value=19.4375 currency=USD"}}},
    {"rose 3/8 to 23 3/8",
     {{"3/8", C, "value=0.375 fraction=3/8"}, {"23 3/8", C, "value=23.375 fraction=187/8"}}},
    {"\xc2\xbd of it", {{"\xc2\xbd", C, "value=0.5 fraction=1/2"}}},
    {"\xc2\xbc of it", {{"\xc2\xbc", C, "value=0.25 fraction=1/4"}}},
    {"\xc2\xbe of it", {{"\xc2\xbe", C, "value=0.75 fraction=3/4"}}},
    {"2\xc2\xbd hours", {{"2\xc2\xbd", C, "value=2.5 fraction=5/2"}}},
    {"\xe2\x85\x93 of it", {{"\xe2\x85\x93", C, "value=0.333333 fraction=1/3"}}},
    {"three-quarters of voters", {{"three-quarters", C, "value=0.75 fraction=3/4"}}},
    {"three quarters of voters", {{"three quarters", C, "value=0.75 fraction=3/4"}}},
    {"two-thirds of members", {{"two-thirds", C, "value=0.666667 fraction=2/3"}}},
    {"two thirds of members", {{"two thirds", C, "value=0.666667 fraction=2/3"}}},
    {"in the past two quarters", {{"two", C, "value=2"}}},
    {"one-third of it", {{"one-third", C, "value=0.333333 fraction=1/3"}}},
    {"one third of it", {{"one third", C, "value=0.333333 fraction=1/3"}}},
    {"one half of it", {{"one half", C, "value=0.5 fraction=1/2"}}},
    {"one-quarter of it", {{"one-quarter", C, "value=0.25 fraction=1/4"}}},
    {"one and a half hours", {{"one and a half", C, "value=1.5 fraction=3/2"}}},
    {"two and a half years", {{"two and a half", C, "value=2.5 fraction=5/2"}}},
    {"three and a quarter", {{"three and a quarter", C, "value=3.25 fraction=13/4"}}},
    {"one and a half million", {{"one and a half million", C, "value=1500000"}}},
    {"half of the members", {{"half", C, "value=0.5 fraction=1/2"}}},
    {"half the staff", {{"half", C, "value=0.5 fraction=1/2"}}},
    {"a quarter of the staff", {{"a quarter", C, "value=0.25 fraction=1/4"}}},
    {"a third of the staff", {{"a third", C, "value=0.333333 fraction=1/3"}}},
    {"a fifth of sales", {{"a fifth", C, "value=0.2 fraction=1/5"}}},
    {"four-fifths of them", {{"four-fifths", C, "value=0.8 fraction=4/5"}}},
    {"seven-tenths", {{"seven-tenths", C, "value=0.7 fraction=7/10"}}},
    {"the first half of the year", {{"first", O, "value=1"}}},
    {"the other half of it", {{NULL, NULL, NULL}}},
    {"a half-time show", {{NULL, NULL, NULL}}},
    {"in the fourth quarter", {{"fourth", O, "value=4"}}},
    {"24/7 service", {{NULL, NULL, NULL}}},
    {"on 9/11 they", {{NULL, NULL, NULL}}},
    {"5/3 is not a fraction here", {{NULL, NULL, NULL}}},
};

/* ---- percent ----------------------------------------------------------- */
static const num_case cases_percent[] = {
    {"a 34 percent stake", {{"34 percent", P, "value=34"}}},
    {"a 34 per cent stake", {{"34 per cent", P, "value=34"}}},
    {"sales fell 16%", {{"16%", P, "value=16"}}},
    {"rates rose 5pc last year", {{"5pc", P, "value=5"}}},
    {"a 34% stake", {{"34%", P, "value=34"}}},
    {"up 0.5 pct", {{"0.5 pct", P, "value=0.5"}}},
    {"five percentage points", {{"five percentage points", P, "value=5 unit=pp"}}},
    {"by 2 percentage points", {{"2 percentage points", P, "value=2 unit=pp"}}},
    {"one percentage point", {{"one percentage point", P, "value=1 unit=pp"}}},
    {"fifty percent", {{"fifty percent", P, "value=50"}}},
    {"twenty-five per cent", {{"twenty-five per cent", P, "value=25"}}},
    {"12.5% of the vote", {{"12.5%", P, "value=12.5"}}},
    {"a 100 % increase", {{"100 %", P, "value=100"}}},
    {"about 40% of", {{"40%", P, "value=40 mod=approx"}}},
    {"more than 60 percent", {{"60 percent", P, "value=60 mod=more_than"}}},
    {"fell -4% in March", {{"-4%", P, "value=-4"}}},
    {"0.25% rate", {{"0.25%", P, "value=0.25"}}},
    {"1,000% gain", {{"1,000%", P, "value=1000"}}},
    {"three percent", {{"three percent", P, "value=3"}}},
    {"99.9 percent", {{"99.9 percent", P, "value=99.9"}}},
    {"a 5 pct fall", {{"5 pct", P, "value=5"}}},
    {"40 per centum is paid", {{"40 per centum", P, "value=40"}}},
    {"from 5% to 10%", {{"5%", P, "value=5"}, {"10%", P, "value=10"}}},
    {"the percentage rose", {{NULL, NULL, NULL}}},
    {"per cent of nothing", {{NULL, NULL, NULL}}},
    {"recent events", {{NULL, NULL, NULL}}},
    {"a recent 5-year low", {{"5", C, "value=5"}}},
};

/* ---- money ------------------------------------------------------------- */
static const num_case cases_money[] = {
    {"It cost $5.", {{"$5", M, "value=5 currency=USD"}}},
    {"a $1.5 billion deal", {{"$1.5 billion", M, "value=1500000000 currency=USD"}}},
    {"raised $4.2tn", {{"$4.2tn", M, "value=4200000000000 currency=USD"}}},
    {"paid $3m", {{"$3m", M, "value=3000000 currency=USD"}}},
    {"paid $250k", {{"$250k", M, "value=250000 currency=USD"}}},
    {"paid $2bn", {{"$2bn", M, "value=2000000000 currency=USD"}}},
    {"the first $100million spent",
     {{"first", O, "value=1"}, {"$100million", M, "value=100000000 currency=USD"}}},
    {"a $19.99 toy", {{"$19.99", M, "value=19.99 currency=USD"}}},
    {"$1,200 rent", {{"$1,200", M, "value=1200 currency=USD"}}},
    {"US$50 fee", {{"US$50", M, "value=50 currency=USD"}}},
    {"C$100 fee", {{"C$100", M, "value=100 currency=CAD"}}},
    {"A$20 fee", {{"A$20", M, "value=20 currency=AUD"}}},
    {"HK$8 fee", {{"HK$8", M, "value=8 currency=HKD"}}},
    {"\xe2\x82\xac"
     "30 ticket",
     {{"\xe2\x82\xac"
       "30",
       M, "value=30 currency=EUR"}}},
    {"\xe2\x82\xac"
     "2.5 billion",
     {{"\xe2\x82\xac"
       "2.5 billion",
       M, "value=2500000000 currency=EUR"}}},
    {"\xc2\xa3"
     "10 note",
     {{"\xc2\xa3"
       "10",
       M, "value=10 currency=GBP"}}},
    {"\xc2\xa3"
     "1.2m",
     {{"\xc2\xa3"
       "1.2m",
       M, "value=1200000 currency=GBP"}}},
    {"\xc2\xa5"
     "500 coin",
     {{"\xc2\xa5"
       "500",
       M, "value=500 currency=JPY"}}},
    {"\xe2\x82\xb9"
     "100 note",
     {{"\xe2\x82\xb9"
       "100",
       M, "value=100 currency=INR"}}},
    {"USD 5 million", {{"USD 5 million", M, "value=5000000 currency=USD"}}},
    {"EUR 300 fine", {{"EUR 300", M, "value=300 currency=EUR"}}},
    {"5 million USD", {{"5 million USD", M, "value=5000000 currency=USD"}}},
    {"300 EUR fine", {{"300 EUR", M, "value=300 currency=EUR"}}},
    {"34 euros", {{"34 euros", M, "value=34 currency=EUR"}}},
    {"20 dollars", {{"20 dollars", M, "value=20 currency=USD"}}},
    {"ten dollars", {{"ten dollars", M, "value=10 currency=USD"}}},
    {"a million dollars", {{"a million dollars", M, "value=1000000 currency=USD"}}},
    {"5 million pounds", {{"5 million pounds", M, "value=5000000 currency=GBP"}}},
    {"100 pounds sterling", {{"100 pounds sterling", M, "value=100 currency=GBP"}}},
    {"1,000 yen", {{"1,000 yen", M, "value=1000 currency=JPY"}}},
    {"50 yuan", {{"50 yuan", M, "value=50 currency=CNY"}}},
    {"200 rupees", {{"200 rupees", M, "value=200 currency=INR"}}},
    {"50 cents", {{"50 cents", M, "value=0.5 currency=USD"}}},
    {"20 pence", {{"20 pence", M, "value=0.2 currency=GBP"}}},
    {"3 billion euros", {{"3 billion euros", M, "value=3000000000 currency=EUR"}}},
    {"10 Canadian dollars", {{"10 Canadian dollars", M, "value=10 currency=CAD"}}},
    {"5 Hong Kong dollars", {{"5 Hong Kong dollars", M, "value=5 currency=HKD"}}},
    {"100 Swiss francs", {{"100 Swiss francs", M, "value=100 currency=CHF"}}},
    {"millions of dollars", {{"millions of dollars", M, "currency=USD"}}},
    {"about $40 million", {{"$40 million", M, "value=40000000 currency=USD mod=approx"}}},
    {"more than $2 billion",
     {{"$2 billion", M, "value=2000000000 currency=USD mod=more_than"}}},
    {"a loss of -$5", {{"-$5", M, "value=-5 currency=USD"}}},
    {"$0.99 each", {{"$0.99", M, "value=0.99 currency=USD"}}},
    {"$.50 each", {{"$.50", M, "value=0.5 currency=USD"}}},
    {"$ 20 each", {{"$ 20", M, "value=20 currency=USD"}}},
    {"1.5 trillion yen", {{"1.5 trillion yen", M, "value=1500000000000 currency=JPY"}}},
    {"twenty euros", {{"twenty euros", M, "value=20 currency=EUR"}}},
    {"7 bn euros", {{"7 bn euros", M, "value=7000000000 currency=EUR"}}},
    {"$ signs", {{NULL, NULL, NULL}}},
    {"a RM5 million grant", {{"RM5 million", M, "value=5000000 currency=MYR"}}},
    {"DM 50 million", {{"DM 50 million", M, "value=50000000 currency=DEM"}}},
    {"2.5 billion marks", {{"2.5 billion marks", M, "value=2500000000 currency=DEM"}}},
    {"scored 80 marks", {{"80", C, "value=80"}}},
    {"twenty bucks", {{"twenty bucks", M, "value=20 currency=USD"}}},
    {"or eight Canadian cents a share", {{"eight Canadian cents", M, "value=0.08 currency=CAD"}}},
    {"slipped 5% to #89.7 million",
     {{"5%", P, "value=5"}, {"#89.7 million", M, "value=89700000 currency=GBP"}}},
    {"requested dlrs 50 million", {{"dlrs 50 million", M, "value=50000000 currency=USD"}}},
    {"a profit of 50 mln stg", {{"50 mln stg", M, "value=50000000 currency=GBP"}}},
    {"zero-coupon debt", {{NULL, NULL, NULL}}},
    {"the dollar fell", {{NULL, NULL, NULL}}},
    {"USDA rules", {{NULL, NULL, NULL}}},
};

/* ---- quantity ---------------------------------------------------------- */
static const num_case cases_quantity[] = {
    {"a 5 km run", {{"5 km", Q, "value=5 unit=km"}}},
    {"a 5km run", {{"5km", Q, "value=5 unit=km"}}},
    {"10 mph winds", {{"10 mph", Q, "value=10 unit=mph"}}},
    {"30\xc2\xb0"
     "C heat",
     {{"30\xc2\xb0"
       "C",
       Q,
       "value=30 unit=\xc2\xb0"
       "C"}}},
    {"30 \xc2\xb0"
     "C heat",
     {{"30 \xc2\xb0"
       "C",
       Q,
       "value=30 unit=\xc2\xb0"
       "C"}}},
    {"-5\xc2\xb0"
     "C frost",
     {{"-5\xc2\xb0"
       "C",
       Q,
       "value=-5 unit=\xc2\xb0"
       "C"}}},
    {"200 GW of solar", {{"200 GW", Q, "value=200 unit=GW"}}},
    {"3.5 million barrels", {{"3.5 million barrels", Q, "value=3500000 unit=bbl"}}},
    {"10 kilometres", {{"10 kilometres", Q, "value=10 unit=km"}}},
    {"ten kilometers", {{"ten kilometers", Q, "value=10 unit=km"}}},
    {"two miles", {{"two miles", Q, "value=2 unit=mi"}}},
    {"6 feet tall", {{"6 feet", Q, "value=6 unit=ft"}}},
    {"12 inches", {{"12 inches", Q, "value=12 unit=in"}}},
    {"100 metres", {{"100 metres", Q, "value=100 unit=m"}}},
    {"100m sprint", {{"100m", Q, "value=100 unit=m"}}},
    {"a wall 2m tall", {{"2m", Q, "value=2 unit=m"}}},
    {"3m people", {{"3m", C, "value=3000000"}}},
    {"3m viewers", {{"3m", C, "value=3000000"}}},
    {"1.5m barrels", {{"1.5m barrels", Q, "value=1500000 unit=bbl"}}},
    {"code EB 3143C here", {{NULL, NULL, NULL}}},
    {"in paragraph 3C.5 (b)", {{NULL, NULL, NULL}}},
    {"temperatures of 30C",
     {{"30C", Q,
       "value=30 unit=\xc2\xb0"
       "C"}}},
    {"50 kg bag", {{"50 kg", Q, "value=50 unit=kg"}}},
    {"50kg bag", {{"50kg", Q, "value=50 unit=kg"}}},
    {"(600 kgs) of explosive", {{"600 kgs", Q, "value=600 unit=kg"}}},
    {"5 tonnes of rice", {{"5 tonnes", Q, "value=5 unit=t"}}},
    {"2 million tons", {{"2 million tons", Q, "value=2000000 unit=t"}}},
    {"3 metric tons", {{"3 metric tons", Q, "value=3 unit=t"}}},
    {"20 pounds of flour", {{"20 pounds", Q, "value=20 unit=lb"}}},
    {"8 ounces", {{"8 ounces", Q, "value=8 unit=oz"}}},
    {"400 hectares", {{"400 hectares", Q, "value=400 unit=ha"}}},
    {"40 acres", {{"40 acres", Q, "value=40 unit=ac"}}},
    {"10 square kilometres", {{"10 square kilometres", Q, "value=10 unit=km\xc2\xb2"}}},
    {"500 square feet", {{"500 square feet", Q, "value=500 unit=ft\xc2\xb2"}}},
    {"20 km2", {{"20 km2", Q, "value=20 unit=km\xc2\xb2"}}},
    {"5 litres", {{"5 litres", Q, "value=5 unit=L"}}},
    {"3 gallons", {{"3 gallons", Q, "value=3 unit=gal"}}},
    {"100 cubic metres", {{"100 cubic metres", Q, "value=100 unit=m\xc2\xb3"}}},
    {"60 miles per hour", {{"60 miles per hour", Q, "value=60 unit=mph"}}},
    {"90 km/h", {{"90 km/h", Q, "value=90 unit=km/h"}}},
    {"100 kilometres per hour", {{"100 kilometres per hour", Q, "value=100 unit=km/h"}}},
    {"20 knots", {{"20 knots", Q, "value=20 unit=kn"}}},
    {"35 degrees Celsius",
     {{"35 degrees Celsius", Q,
       "value=35 unit=\xc2\xb0"
       "C"}}},
    {"95 degrees Fahrenheit",
     {{"95 degrees Fahrenheit", Q,
       "value=95 unit=\xc2\xb0"
       "F"}}},
    {"90 degrees", {{"90 degrees", Q, "value=90 unit=\xc2\xb0"}}},
    {"72\xc2\xb0"
     "F",
     {{"72\xc2\xb0"
       "F",
       Q,
       "value=72 unit=\xc2\xb0"
       "F"}}},
    {"500 MW plant", {{"500 MW", Q, "value=500 unit=MW"}}},
    {"1.2 GW", {{"1.2 GW", Q, "value=1.2 unit=GW"}}},
    {"50 kWh battery", {{"50 kWh", Q, "value=50 unit=kWh"}}},
    {"300 megawatts", {{"300 megawatts", Q, "value=300 unit=MW"}}},
    {"100 watts", {{"100 watts", Q, "value=100 unit=W"}}},
    {"400 horsepower", {{"400 horsepower", Q, "value=400 unit=hp"}}},
    {"16 GB of memory", {{"16 GB", Q, "value=16 unit=GB"}}},
    {"2 TB drive", {{"2 TB", Q, "value=2 unit=TB"}}},
    {"500 megabytes", {{"500 megabytes", Q, "value=500 unit=MB"}}},
    {"100 Mbps link", {{"100 Mbps", Q, "value=100 unit=Mbit/s"}}},
    {"2.4 GHz chip", {{"2.4 GHz", Q, "value=2.4 unit=GHz"}}},
    {"100 barrels", {{"100 barrels", Q, "value=100 unit=bbl"}}},
    {"1 million barrels per day", {{"1 million barrels per day", Q, "value=1000000 unit=bbl/d"}}},
    {"500,000 bpd", {{"500,000 bpd", Q, "value=500000 unit=bbl/d"}}},
    {"a 10-mile walk", {{"10-mile", Q, "value=10 unit=mi"}}},
    {"a 5-km race", {{"5-km", Q, "value=5 unit=km"}}},
    {"200 grams", {{"200 grams", Q, "value=200 unit=g"}}},
    {"5 mg dose", {{"5 mg", Q, "value=5 unit=mg"}}},
    {"30 cm long", {{"30 cm", Q, "value=30 unit=cm"}}},
    {"2 mm thick", {{"2 mm", Q, "value=2 unit=mm"}}},
    {"about 3 km", {{"3 km", Q, "value=3 unit=km mod=approx"}}},
    {"five nautical miles", {{"five nautical miles", Q, "value=5 unit=nmi"}}},
};

/* ---- ranges -------------------------------------------------------------- */
static const num_case cases_ranges[] = {
    {"10-15 percent", {{"10-15 percent", P, "range_min=10 range_max=15"}}},
    {"10\xe2\x80\x93"
     "15%",
     {{"10\xe2\x80\x93"
       "15%",
       P, "range_min=10 range_max=15"}}},
    {"between 5 and 10 million",
     {{"between 5 and 10 million", C, "range_min=5000000 range_max=10000000"}}},
    {"5 to 10 km", {{"5 to 10 km", Q, "range_min=5 range_max=10 unit=km"}}},
    {"$5-10 million", {{"$5-10 million", M, "range_min=5000000 range_max=10000000 currency=USD"}}},
    {"two to three weeks", {{"two to three", C, "range_min=2 range_max=3"}}},
    {"20-30 people", {{"20-30", C, "range_min=20 range_max=30"}}},
    {"between 20 and 30", {{"between 20 and 30", C, "range_min=20 range_max=30"}}},
    {"between 3% and 5%", {{"between 3% and 5%", P, "range_min=3 range_max=5"}}},
    {"1.5 to 2 billion", {{"1.5 to 2 billion", C, "range_min=1500000000 range_max=2000000000"}}},
    {"500,000 to 1 million", {{"500,000 to 1 million", C, "range_min=500000 range_max=1000000"}}},
    {"won 3-2 on Sunday", {{"3", C, "value=3"}, {"2", C, "value=2"}}},
    {"five to one odds", {{"five", C, "value=5"}, {"one", C, "value=1"}}},
    {"3 or 4 times", {{"3", C, "value=3"}, {"4", C, "value=4"}}},
    {"2027 or 2028", {{"2027", C, "value=2027"}, {"2028", C, "value=2028"}}},
    {"1, 2 and 3", {{"1", C, "value=1"}, {"2", C, "value=2"}, {"3", C, "value=3"}}},
    {"between $1 and $2", {{"between $1 and $2", M, "range_min=1 range_max=2 currency=USD"}}},
    {"$10 to $20", {{"$10 to $20", M, "range_min=10 range_max=20 currency=USD"}}},
    {"2010-2015", {{"2010-2015", C, "range_min=2010 range_max=2015"}}},
    {"40 to 50 percent", {{"40 to 50 percent", P, "range_min=40 range_max=50"}}},
    {"skidded 1.74 to 123.5", {{"1.74", C, "value=1.74"}, {"123.5", C, "value=123.5"}}},
    {"in 1894 to 312,000,000 in 1895",
     {{"1894", C, "value=1894"}, {"312,000,000", C, "value=312000000"}, {"1895", C, "value=1895"}}},
    {"Eat 4 to 6 ounces", {{"4 to 6 ounces", Q, "range_min=4 range_max=6 unit=oz"}}},
};

/* ---- signs --------------------------------------------------------------- */
static const num_case cases_signs[] = {
    {"It was -4 today.", {{"-4", C, "value=-4"}}},
    {"minus 4 overnight", {{"minus 4", C, "value=-4"}}},
    {"minus five", {{"minus five", C, "value=-5"}}},
    {"\xe2\x88\x92"
     "7 at night",
     {{"\xe2\x88\x92"
       "7",
       C, "value=-7"}}},
    {"-0.5 growth", {{"-0.5", C, "value=-0.5"}}},
    {"negative 3", {{"negative 3", C, "value=-3"}}},
    {"a minus sign", {{NULL, NULL, NULL}}},
    {"the negative effects", {{NULL, NULL, NULL}}},
};

/* ---- not numbers ------------------------------------------------------- */
static const num_case cases_negative[] = {
    {"recent events", {{NULL, NULL, NULL}}},
    {"someone called", {{NULL, NULL, NULL}}},
    {"no one knows", {{NULL, NULL, NULL}}},
    {"No one knows", {{NULL, NULL, NULL}}},
    {"they love one another", {{NULL, NULL, NULL}}},
    {"the A320 jet", {{NULL, NULL, NULL}}},
    {"COVID-19 cases", {{NULL, NULL, NULL}}},
    {"the F-16 fighter", {{NULL, NULL, NULL}}},
    {"running Windows 11 now", {{NULL, NULL, NULL}}},
    {"met Tony Blair 10 days ago", {{"10", C, "value=10"}}},
    {"Call 555-1234 today", {{NULL, NULL, NULL}}},
    {"call 555-1234 today", {{NULL, NULL, NULL}}},
    {"Call 212-555-1234 today", {{NULL, NULL, NULL}}},
    {"Call (212) 555-1234", {{NULL, NULL, NULL}}},
    {"Call +44 20 7946 0958", {{NULL, NULL, NULL}}},
    {"ISBN 978-3-16-148410-0", {{NULL, NULL, NULL}}},
    {"ISBN 9783161484100", {{NULL, NULL, NULL}}},
    {"update to v2.3.1 now", {{NULL, NULL, NULL}}},
    {"update to 2.3.1 now", {{NULL, NULL, NULL}}},
    {"version 2 is out", {{NULL, NULL, NULL}}},
    {"IP 192.168.0.1", {{NULL, NULL, NULL}}},
    {"wait a second", {{NULL, NULL, NULL}}},
    {"second-hand books", {{NULL, NULL, NULL}}},
    {"you may go", {{NULL, NULL, NULL}}},
    {"they march on", {{NULL, NULL, NULL}}},
    {"at 10:30 today", {{NULL, NULL, NULL}}},
    {"on 1/2/2020", {{NULL, NULL, NULL}}},
    {"the 1990s boom", {{NULL, NULL, NULL}}},
    {"the 80s", {{NULL, NULL, NULL}}},
    {"in the 1980's boom", {{NULL, NULL, NULL}}},
    {"the early 1950âs were", {{NULL, NULL, NULL}}},
    {"a 5G network", {{NULL, NULL, NULL}}},
    {"in 3D", {{NULL, NULL, NULL}}},
    {"the x86 chip", {{NULL, NULL, NULL}}},
    {"MP3 files", {{NULL, NULL, NULL}}},
    {"code 007", {{NULL, NULL, NULL}}},
    {"Formula One racing", {{NULL, NULL, NULL}}},
    {"the Big Three automakers", {{NULL, NULL, NULL}}},
    {"the Boeing 737 jets", {{NULL, NULL, NULL}}},
    {"Eat 4 eggs.", {{"4", C, "value=4"}}},
    {"SC 7 was a code name.", {{NULL, NULL, NULL}}},
    {"when Apollo 11 landed", {{NULL, NULL, NULL}}},
    {"the No. 1 seed", {{NULL, NULL, NULL}}},
    {"ranked #1", {{NULL, NULL, NULL}}},
    {"the one who left", {{NULL, NULL, NULL}}},
    {"this one is red", {{NULL, NULL, NULL}}},
    {"one's duty", {{NULL, NULL, NULL}}},
    {"a one-time fee", {{NULL, NULL, NULL}}},
    {"anyone else", {{NULL, NULL, NULL}}},
    {"often", {{NULL, NULL, NULL}}},
    {"tennis ten", {{"ten", C, "value=10"}}},
    {"the hundred", {{NULL, NULL, NULL}}},
    {"a million-dollar question", {{"a million", C, "value=1000000"}}},
    {"thousand", {{NULL, NULL, NULL}}},
    {"a percentage of sales", {{NULL, NULL, NULL}}},
    {"the Renault5 car", {{NULL, NULL, NULL}}},
    {"email bob2000@example.com", {{NULL, NULL, NULL}}},
    {"flight MH370", {{NULL, NULL, NULL}}},
    {"flight 370", {{NULL, NULL, NULL}}},
    {"the G7 summit", {{NULL, NULL, NULL}}},
    {"at first glance", {{"first", O, "value=1"}}},
    {"a quarter", {{NULL, NULL, NULL}}},
    {"dozen", {{NULL, NULL, NULL}}},
    {"the ’90s", {{NULL, NULL, NULL}}},
    {"in '16 they", {{NULL, NULL, NULL}}},
    {"item_3 here", {{NULL, NULL, NULL}}},
    {"file v3 done", {{NULL, NULL, NULL}}},
    {"about time", {{NULL, NULL, NULL}}},
    {"more than ever", {{NULL, NULL, NULL}}},
    {"at least once", {{NULL, NULL, NULL}}},
    {"between us", {{NULL, NULL, NULL}}},
};

/* ---- Unicode spaces -------------------------------------------------------
 * Typeset text joins a number to its unit or groups its digits with spaces
 * other than U+0020: no-break (U+00A0), thin (U+2009), narrow no-break
 * (U+202F), figure (U+2007).  Each counts where an ASCII space would. */
static const num_case cases_spaces[] = {
    {"The hall seats 12\xe2\x80\xaf"
     "000 people.",
     {{"12\xe2\x80\xaf"
       "000",
       C, "value=12000"}}},
    {"The hotel has 2\xe2\x80\x87"
     "500 rooms.",
     {{"2\xe2\x80\x87"
       "500",
       C, "value=2500"}}},
    {"The walk is 5\xc2\xa0km long.", {{"5\xc2\xa0km", Q, "value=5 unit=km"}}},
    {"a 10\xe2\x80\x89km race", {{"10\xe2\x80\x89km", Q, "value=10 unit=km"}}},
    {"Rates rose 4\xe2\x80\xaf%.", {{"4\xe2\x80\xaf%", P, "value=4"}}},
    {"Rates rose 4\xc2\xa0percent.", {{"4\xc2\xa0percent", P, "value=4"}}},
    {"Tickets cost \xe2\x82\xac\xc2\xa0"
     "50 each.",
     {{"\xe2\x82\xac\xc2\xa0"
       "50",
       M, "value=50 currency=EUR"}}},
    {"a fine of USD\xc2\xa0"
     "5 million",
     {{"USD\xc2\xa0"
       "5 million",
       M, "value=5000000 currency=USD"}}},
    {"about\xc2\xa0"
     "20 people",
     {{"20", C, "value=20 mod=approx"}}},
    {"He ate 2\xc2\xa0"
     "1/2 pies.",
     {{"2\xc2\xa0"
       "1/2",
       C, "value=2.5 fraction=5/2"}}},
    {"twenty\xc2\xa0"
     "five cars",
     {{"twenty\xc2\xa0"
       "five",
       C, "value=25"}}},
    {"It took 3\xc2\xa0"
     "hours.",
     {{"3", C, "value=3"}}},
    {"the No.\xc2\xa0"
     "1 seed",
     {{NULL, NULL, NULL}}},
    {"version\xc2\xa0"
     "2 is out",
     {{NULL, NULL, NULL}}},
    {"when Apollo\xe2\x80\xaf"
     "11 landed",
     {{NULL, NULL, NULL}}},
    {"Call (212)\xc2\xa0"
     "555-1234",
     {{NULL, NULL, NULL}}},
};

/* ---- word characters -------------------------------------------------------
 * A digit glued to a letter of any script is part of an identifier; a
 * symbol such as the multiplication sign is no letter. */
static const num_case cases_wordch[] = {
    {"the \xce\xa3"
     "7 class",
     {{NULL, NULL, NULL}}},
    {"the Hu\xe1\xba\xbf"
     "5 unit",
     {{NULL, NULL, NULL}}},
    {"a 3\xc3\x97"
     "4 grid",
     {{"3", C, "value=3"}, {"4", C, "value=4"}}},
    {"Caf\xc3\xa9"
     "5 opened",
     {{NULL, NULL, NULL}}},
    {"a high of 40\xc2\xba F today", {{"40", C, "value=40"}}},
};

/* ==== issue 17: one group per bullet, each with negative cases ========== */

/* ---- fractions in words ------------------------------------------------ */
static const num_case cases_frac_words[] = {
    {"He ate three quarters of the pie.", {{"three quarters", C, "value=0.75 fraction=3/4"}}},
    {"Two thirds voted yes.", {{"Two thirds", C, "value=0.666667 fraction=2/3"}}},
    {"It lasts a hundredth of a second.", {{"a hundredth", C, "value=0.01 fraction=1/100"}}},
    {"a thousandth of an inch", {{"a thousandth of an inch", Q, "value=0.001 unit=in fraction=1/1000"}}},
    {"one hundredth of the cost", {{"one hundredth", C, "value=0.01 fraction=1/100"}}},
    {"one-thousandth of a second", {{"one-thousandth", C, "value=0.001 fraction=1/1000"}}},
    {"We walked one and a half miles.",
     {{"one and a half miles", Q, "value=1.5 unit=mi fraction=3/2"}}},
    {"twenty fifths make four",
     {{"twenty fifths", C, "value=4 fraction=20/5"}, {"four", C, "value=4"}}},
    {"the hundredth anniversary", {{"hundredth", O, "value=100"}}},
    {"a third party", {{"third", O, "value=3"}}},
    {"the quarter ended", {{NULL, NULL, NULL}}},
    {"two quarters in a row", {{"two", C, "value=2"}}},
};

/* ---- "1 over 3" -------------------------------------------------------- */
static const num_case cases_over[] = {
    {"The odds are 1 over 3.", {{"1 over 3", C, "value=0.333333 fraction=1/3"}}},
    {"a ratio of 3 over 4 of the total", {{"3 over 4", C, "value=0.75 fraction=3/4"}}},
    {"We met over 30 people.", {{"30", C, "value=30 mod=more_than"}}},
    {"It won 5 over 30 years.", {{"5", C, "value=5"}, {"30", C, "value=30 mod=more_than"}}},
    {"The score was 2 over par.", {{"2", C, "value=2"}}},
};

/* ---- scale abbreviations ------------------------------------------------ */
static const num_case cases_scale_abbr[] = {
    {"It costs 10k now.", {{"10k", C, "value=10000"}}},
    {"a 1.2b deal", {{"1.2b", C, "value=1200000000"}}},
    {"They raised 10M last year.", {{"10M", C, "value=10000000"}}},
    {"It has 2mil users.", {{"2mil", C, "value=2000000"}}},
    {"A loss of 3bn.", {{"3bn", C, "value=3000000000"}}},
    {"half a million people", {{"half a million", C, "value=500000"}}},
    {"half million people", {{"half million", C, "value=500000"}}},
    {"paid $1.2b in cash", {{"$1.2b", M, "value=1200000000 currency=USD"}}},
    {"a 4K television", {{NULL, NULL, NULL}}},
    {"a 100m sprint", {{"100m", Q, "value=100 unit=m"}}},
    {"Install v2.10 today.", {{NULL, NULL, NULL}}},
    {"the B52 bomber", {{NULL, NULL, NULL}}},
};

/* ---- mixed and foreign forms ------------------------------------------- */
static const num_case cases_mixed[] = {
    {"It has 3 hundred and 21 seats.", {{"3 hundred and 21", C, "value=321"}}},
    {"5 hundred people", {{"5 hundred", C, "value=500"}}},
    {"5 lakhs", {{"5 lakhs", C, "value=500000"}}},
    {"two hundred point zero three", {{"two hundred point zero three", C, "value=200.03"}}},
    {"two point five", {{"two point five", C, "value=2.5"}}},
    {"It drew 40 000 people.", {{"40 000", C, "value=40000"}}},
    {"It drew 40 000 000 people.", {{"40 000 000", C, "value=40000000"}}},
    {"It cost 12,34,567.89 rupees.", {{"12,34,567.89 rupees", M, "value=1234567.89 currency=INR"}}},
    {"about 1,00,000 people", {{"1,00,000", C, "value=100000 mod=approx"}}},
    {"Call 555 123 4567 now.", {{NULL, NULL, NULL}}},
    {"The server is 192.168.0.1 today.", {{NULL, NULL, NULL}}},
    {"in 2019 200 people", {{"2019", C, "value=2019"}, {"200", C, "value=200"}}},
    {"the match point", {{NULL, NULL, NULL}}},
};

/* ---- value bugs ---------------------------------------------------------- */
static const num_case cases_values[] = {
    {"a change of -4/5 today", {{"-4/5", C, "value=-0.8 fraction=-4/5"}}},
    {"one million and a half", {{"one million and a half", C, "value=1500000"}}},
    {"a billion and a half", {{"a billion and a half", C, "value=1500000000"}}},
    {"two thousand and a half", {{"two thousand and a half", C, "value=2500"}}},
    {"one and a half", {{"one and a half", C, "value=1.5 fraction=3/2"}}},
    {"the 4/5 vote", {{"4/5", C, "value=0.8 fraction=4/5"}}},
    {"cut 1/8th of it", {{"1/8th", C, "value=0.125 fraction=1/8"}}},
    {"on 4/5/2020", {{NULL, NULL, NULL}}},
};

/* ---- ordinals ---------------------------------------------------------- */
static const num_case cases_ord_more[] = {
    {"the trillionth visitor", {{"trillionth", O, "value=1000000000000"}}},
    {"the hundred and first day", {{"hundred and first", O, "value=101"}}},
    {"21st-century art", {{"21st", O, "value=21"}}},
    {"the 1,000th customer", {{"1,000th", O, "value=1000"}}},
    {"the 5TH floor", {{"5TH", O, "value=5"}}},
    {"the penultimate race", {{"penultimate", O, "relative=end-1"}}},
    {"in the last race", {{NULL, NULL, NULL}}},
    {"the last session of Congress", {{NULL, NULL, NULL}}},
    {"the next to last lap", {{"next to last", O, "relative=end-1"}}},
    {"her second to last film", {{"second to last", O, "relative=end-1"}}},
    {"the antepenultimate stage", {{"antepenultimate", O, "relative=end-2"}}},
    {"the second last lap", {{"second last", O, "relative=end-1"}}},
    {"the third to last stage", {{"third to last", O, "relative=end-2"}}},
    {"last week", {{NULL, NULL, NULL}}},
    {"at last the rain", {{NULL, NULL, NULL}}},
    {"the last of them", {{NULL, NULL, NULL}}},
    {"the last week", {{NULL, NULL, NULL}}},
    {"the last two", {{"two", C, "value=2"}}},
    {"He came last.", {{NULL, NULL, NULL}}},
    {"the hundred", {{NULL, NULL, NULL}}},
};

/* ---- percentages -------------------------------------------------------- */
static const num_case cases_pct_more[] = {
    {"thirty percentage", {{"thirty percentage", P, "value=30"}}},
    {"I am hundred percent sure", {{"hundred percent", P, "value=100"}}},
    {"one-hundred percent focused", {{"one-hundred percent", P, "value=100"}}},
    {"5 per cent of 210", {{"5 per cent", P, "value=5"}, {"210", C, "value=210"}}},
    {"a 3 pct rise", {{"3 pct", P, "value=3"}}},
    {"up 2 percentage points", {{"2 percentage points", P, "value=2 unit=pp"}}},
    {"half a percent", {{"half a percent", P, "value=0.5 fraction=1/2"}}},
    {"a quarter of a percent", {{"a quarter of a percent", P, "value=0.25 fraction=1/4"}}},
    {"rose 0.5pp", {{"0.5pp", P, "value=0.5 unit=pp"}}},
    {"100 percents", {{"100 percents", P, "value=100"}}},
    {"3.2 per cents", {{"3.2 per cents", P, "value=3.2"}}},
    {"a 5percent rise", {{"5percent", P, "value=5"}}},
    {"a 5pct rise", {{"5pct", P, "value=5"}}},
    {"the 50-percent mark", {{"50-percent", P, "value=50"}}},
    {"a 5-per-cent rise", {{"5-per-cent", P, "value=5"}}},
    {"rose 10.5 pc", {{"10.5 pc", P, "value=10.5"}}},
    {"see a%20b and %28x%29", {{NULL, NULL, NULL}}},
    {"http://x.com/a%2Fb?q=%3D5", {{NULL, NULL, NULL}}},
    {"the percentage rose", {{NULL, NULL, NULL}}},
};

/* ---- money -------------------------------------------------------------- */
static const num_case cases_money_more[] = {
    {"It costs 5 \xe2\x82\xac each.", {{"5 \xe2\x82\xac", M, "value=5 currency=EUR"}}},
    {"It costs 5\xe2\x82\xac each.", {{"5\xe2\x82\xac", M, "value=5 currency=EUR"}}},
    {"It costs \xe2\x82\xac" "5 each.", {{"\xe2\x82\xac" "5", M, "value=5 currency=EUR"}}},
    {"paid rmb 10 for it", {{"rmb 10", M, "value=10 currency=CNY"}}},
    {"paid RMB10 for it", {{"RMB10", M, "value=10 currency=CNY"}}},
    {"sold 6.25 BTC", {{"6.25 BTC", M, "value=6.25 currency=BTC"}}},
    {"a budget of 120 MEUR", {{"120 MEUR", M, "value=120000000 currency=EUR"}}},
    {"dollar 22.5 million", {{"dollar 22.5 million", M, "value=22500000 currency=USD"}}},
    {"a 12-cent stamp", {{"12-cent", M, "value=0.12 currency=USD"}}},
    {"It cost 3 dollars 50 cents.", {{"3 dollars 50 cents", M, "value=3.5 currency=USD"}}},
    {"It cost 3 dollars and 50 cents.", {{"3 dollars and 50 cents", M, "value=3.5 currency=USD"}}},
    {"HK$ 10.05 billion", {{"HK$ 10.05 billion", M, "value=10050000000 currency=HKD"}}},
    {"C$ 1.34 a litre", {{"C$ 1.34", M, "value=1.34 currency=CAD"}}},
    {"only US $5 each", {{"US $5", M, "value=5 currency=USD"}}},
    {"about $14 million", {{"$14 million", M, "value=14000000 currency=USD mod=approx"}}},
    {"the dollar fell 5 percent", {{"5 percent", P, "value=5"}}},
    {"a 50p coin", {{"50p", M, "value=0.5 currency=GBP"}}},
    {"a 720p video", {{NULL, NULL, NULL}}},
    {"a $12-million budget", {{"$12-million", M, "value=12000000 currency=USD"}}},
    {"It cost 5 quid.", {{"5 quid", M, "value=5 currency=GBP"}}},
    {"Mex$50 each", {{"Mex$50", M, "value=50 currency=MXN"}}},
    {"3 dollars and 5 apples", {{"3 dollars", M, "value=3 currency=USD"}, {"5", C, "value=5"}}},
};

/* ---- units ---------------------------------------------------------------- */
static const num_case cases_units_more[] = {
    {"She is 5 ft 2 in tall.", {{"5 ft 2 in", Q, "value=62 unit=in"}}},
    {"She is 5 feet 2 inches tall.", {{"5 feet 2 inches", Q, "value=62 unit=in"}}},
    {"a 2 lb 3 oz fish", {{"2 lb 3 oz", Q, "value=35 unit=oz"}}},
    {"at 10 kilometers per hour", {{"10 kilometers per hour", Q, "value=10 unit=km/h"}}},
    {"50 meters per millisecond", {{"50 meters per millisecond", Q, "value=50 unit=m/ms"}}},
    {"it uses 3 l/100km", {{"3 l/100km", Q, "value=3 unit=L/100km"}}},
    {"about 47 g/l of acid", {{"47 g/l", Q, "value=47 unit=g/L mod=approx"}}},
    {"add \xc2\xbd teaspoon of salt", {{"\xc2\xbd teaspoon", Q, "value=0.5 unit=tsp fraction=1/2"}}},
    {"add 2 tablespoons", {{"2 tablespoons", Q, "value=2 unit=tbsp"}}},
    {"a tile of 1 m x 1 m", {{"1 m", Q, "value=1 unit=m"}, {"1 m", Q, "value=1 unit=m"}}},
    {"a 10 x 20 cm frame", {{"10", Q, "value=10 unit=cm"}, {"20 cm", Q, "value=20 unit=cm"}}},
    {"a garden 12 by 15 feet", {{"12", Q, "value=12 unit=ft"}, {"15 feet", Q, "value=15 unit=ft"}}},
    {"a 5 x 5 x 5 m cube",
     {{"5", Q, "value=5 unit=m"}, {"5", Q, "value=5 unit=m"}, {"5 m", Q, "value=5 unit=m"}}},
    {"cut imports in 1981 by 2 barrels", {{"1981", C, "value=1981"}, {"2 barrels", Q, "value=2 unit=bbl"}}},
    {"3 x 4 is 12", {{"3", C, "value=3"}, {"4", C, "value=4"}, {"12", C, "value=12"}}},
    {"weight: 20 (kg)", {{"20 (kg)", Q, "value=20 unit=kg"}}},
    {"a 16-bit processor", {{"16-bit", Q, "value=16 unit=bit"}}},
    {"I read 5 in the morning", {{"5", C, "value=5"}}},
    {"He is 6 foot 2.", {{"6 foot 2", Q, "value=74 unit=in"}}},
    {"a 6-foot-2 guard", {{"6-foot-2", Q, "value=74 unit=in"}}},
    {"She is 5'11\" tall.", {{"5'11\"", Q, "value=71 unit=in"}}},
    {"a 200 sq ft flat", {{"200 sq ft", Q, "value=200 unit=ft\xc2\xb2"}}},
    {"at 100 kmh", {{"100 kmh", Q, "value=100 unit=km/h"}}},
    {"He weighs 12 stone.", {{"12 stone", Q, "value=12 unit=st"}}},
    {"6 feet 2-3 inches", {{"6 feet", Q, "value=6 unit=ft"}, {"2-3 inches", Q, "range_min=2 range_max=3 unit=in"}}},
    {"the MP3 player", {{NULL, NULL, NULL}}},
    {"after COVID-19 hit", {{NULL, NULL, NULL}}},
};

/* ---- temperatures ------------------------------------------------------- */
static const num_case cases_temp[] = {
    {"It was 70 degrees f today.", {{"70 degrees f", Q, "value=70 unit=\xc2\xb0" "F"}}},
    {"40 deg celsius", {{"40 deg celsius", Q, "value=40 unit=\xc2\xb0" "C"}}},
    {"35 degrees celcius", {{"35 degrees celcius", Q, "value=35 unit=\xc2\xb0" "C"}}},
    {"20 degrees C outside", {{"20 degrees C", Q, "value=20 unit=\xc2\xb0" "C"}}},
    {"It fell to -3 \xc2\xb0" "C.", {{"-3 \xc2\xb0" "C", Q, "value=-3 unit=\xc2\xb0" "C"}}},
    {"The low tonight is 13 F.", {{"13 F", Q, "value=13 unit=\xc2\xb0" "F"}}},
    {"The Boeing 777F landed.", {{NULL, NULL, NULL}}},
    {"a 45 degree angle", {{"45 degree", Q, "value=45 unit=deg"}}},
    {"turned 180 degrees", {{"180 degrees", Q, "value=180 unit=deg"}}},
    {"a 360-degree view", {{"360-degree", Q, "value=360 unit=deg"}}},
    {"He got 5 F grades.", {{"5", C, "value=5"}}},
    {"13 F low tonight", {{"13 F", Q, "value=13 unit=\xc2\xb0" "F"}}},
    {"this 1962 L'Engle novel", {{"1962", C, "value=1962"}}},
    {"40 degrees below zero", {{"40 degrees below zero", Q, "value=-40 unit=\xc2\xb0"}}},
    {"at 20 degC", {{"20 degC", Q, "value=20 unit=\xc2\xb0" "C"}}},
    {"It was 17 Celsius.", {{"17 Celsius", Q, "value=17 unit=\xc2\xb0" "C"}}},
    {"a fever of 101 F", {{"101 F", Q, "value=101 unit=\xc2\xb0" "F"}}},
};

/* ---- ages ------------------------------------------------------------------ */
static const num_case cases_ages[] = {
    {"She is five years old.", {{"five years old", Q, "value=5 unit=year kind=age"}}},
    {"a 3-year-old boy", {{"3-year-old", Q, "value=3 unit=year kind=age"}}},
    {"a man aged 45 was", {{"aged 45", Q, "value=45 unit=year kind=age"}}},
    {"the two-year-old filly", {{"two-year-old", Q, "value=2 unit=year kind=age"}}},
    {"a 10 month old baby", {{"10 month old", Q, "value=10 unit=month kind=age"}}},
    {"people 65 years of age or older", {{"65 years of age", Q, "value=65 unit=year kind=age"}}},
    {"5 years of war", {{"5", C, "value=5"}}},
    {"five years ago", {{"five", C, "value=5"}}},
    {"aged cheese", {{NULL, NULL, NULL}}},
};

/* ---- no-break and thin spaces in every group ---------------------------- */
static const num_case cases_nbsp[] = {
    {"5\xc2\xa0" "ft\xc2\xa0" "2\xc2\xa0" "in", {{"5\xc2\xa0" "ft\xc2\xa0" "2\xc2\xa0" "in", Q, "value=62 unit=in"}}},
    {"70\xc2\xa0" "degrees\xc2\xa0" "F", {{"70\xc2\xa0" "degrees\xc2\xa0" "F", Q, "value=70 unit=\xc2\xb0" "F"}}},
    {"5\xe2\x80\x89\xe2\x82\xac", {{"5\xe2\x80\x89\xe2\x82\xac", M, "value=5 currency=EUR"}}},
    {"five\xc2\xa0" "years\xc2\xa0" "old", {{"five\xc2\xa0" "years\xc2\xa0" "old", Q, "value=5 unit=year kind=age"}}},
    {"3\xc2\xa0" "pct", {{"3\xc2\xa0" "pct", P, "value=3"}}},
    {"6.25\xe2\x80\xaf" "BTC", {{"6.25\xe2\x80\xaf" "BTC", M, "value=6.25 currency=BTC"}}},
    {"5\xc2\xa0" "per\xc2\xa0" "cent", {{"5\xc2\xa0" "per\xc2\xa0" "cent", P, "value=5"}}},
    {"1\xc2\xa0" "over\xc2\xa0" "3", {{"1\xc2\xa0" "over\xc2\xa0" "3", C, "value=0.333333 fraction=1/3"}}},
    {"3\xc2\xa0" "hundred", {{"3\xc2\xa0" "hundred", C, "value=300"}}},
    {"Call 555\xc2\xa0" "1234", {{NULL, NULL, NULL}}},
};

#undef C
#undef O
#undef P
#undef M
#undef Q

#endif
