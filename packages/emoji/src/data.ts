/**
 * The emoji the picker offers: a few hundred common ones, in eight categories. Each line is the
 * emoji, a space, its English name, and after a colon more English words to find it by. Kept as
 * text rather than objects because it is the bulk of the picker's lazy chunk and text compresses
 * best; parseCategory() turns it into entries once, when the picker first loads.
 *
 * Only single emoji (with the variation selector where one is needed to draw it in colour): no
 * skin-tone or joined sequences, which many systems still draw as several glyphs, and no flags,
 * which Windows draws as letters.
 */
export const CATEGORY_IDS = ['smileys', 'people', 'nature', 'food', 'activities', 'travel', 'objects', 'symbols'] as const;
export type EmojiCategoryId = (typeof CATEGORY_IDS)[number];

export const EMOJI_TEXT: Record<EmojiCategoryId, string> = {
  smileys: `
😀 grinning face: smile happy
😃 grinning face with big eyes: smile happy joy
😄 grinning face with smiling eyes: smile happy laugh
😁 beaming face: grin teeth happy
😆 grinning squinting face: laugh happy
😅 grinning face with sweat: relief nervous phew
🤣 rolling on the floor laughing: lol rofl
😂 face with tears of joy: laugh lol cry
🙂 slightly smiling face: smile
🙃 upside-down face: silly sarcasm
😉 winking face: wink
😊 smiling face with smiling eyes: blush happy
😇 smiling face with halo: angel innocent
🥰 smiling face with hearts: love adore
😍 smiling face with heart-eyes: love crush
🤩 star-struck: wow excited
😘 face blowing a kiss: kiss love
😗 kissing face: kiss
😚 kissing face with closed eyes: kiss
😋 face savoring food: yum tasty delicious
😛 face with tongue: tongue playful
😜 winking face with tongue: joke crazy
🤪 zany face: crazy goofy
😝 squinting face with tongue: playful
🤑 money-mouth face: rich money
🤗 hugging face: hug thanks
🤭 face with hand over mouth: oops giggle
🤫 shushing face: quiet secret
🤔 thinking face: think hmm wonder
🤐 zipper-mouth face: secret quiet
🤨 face with raised eyebrow: doubt skeptical
😐 neutral face: meh blank
😑 expressionless face: meh
😶 face without mouth: silent speechless
😏 smirking face: smirk smug
😒 unamused face: meh bored
🙄 face with rolling eyes: eyeroll annoyed
😬 grimacing face: awkward nervous
😌 relieved face: calm relief
😔 pensive face: sad thoughtful
😪 sleepy face: tired
🤤 drooling face: hungry
😴 sleeping face: sleep zzz tired
😷 face with medical mask: sick ill
🤒 face with thermometer: sick ill fever
🤕 face with head-bandage: hurt injured
🤢 nauseated face: sick gross
🤮 face vomiting: sick
🤧 sneezing face: sick cold
🥵 hot face: heat sweat
🥶 cold face: freezing ice
🥴 woozy face: dizzy drunk
😵 dizzy face: dizzy dead
🤯 exploding head: mind blown shock
🤠 cowboy hat face: cowboy
🥳 partying face: party celebrate birthday
😎 smiling face with sunglasses: cool
🤓 nerd face: geek glasses
🧐 face with monocle: curious inspect
😕 confused face: unsure
😟 worried face: worry concern
🙁 slightly frowning face: sad
😮 face with open mouth: surprise wow
😯 hushed face: surprise
😲 astonished face: shock surprise wow
😳 flushed face: embarrassed blush
🥺 pleading face: please puppy eyes
😦 frowning face with open mouth: shock
😧 anguished face: pain
😨 fearful face: scared fear
😰 anxious face with sweat: nervous worry
😥 sad but relieved face: phew disappointed
😢 crying face: sad tear cry
😭 loudly crying face: sob cry sad
😱 face screaming in fear: scream shock horror
😖 confounded face: frustrated
😣 persevering face: struggle
😞 disappointed face: sad
😓 downcast face with sweat: hard work
😩 weary face: tired exhausted
😫 tired face: exhausted
🥱 yawning face: bored tired sleepy
😤 face with steam from nose: proud angry triumph
😡 pouting face: angry mad rage
😠 angry face: mad annoyed
🤬 face with symbols on mouth: swear angry
😈 smiling face with horns: devil mischief
💀 skull: dead death
💩 pile of poo: poop
🤡 clown face: clown joke
👻 ghost: boo halloween
👽 alien: ufo space
🤖 robot: bot machine
😺 grinning cat: cat smile
😹 cat with tears of joy: cat laugh
😻 smiling cat with heart-eyes: cat love
🙈 see-no-evil monkey: monkey shy oops
🙉 hear-no-evil monkey: monkey
🙊 speak-no-evil monkey: monkey secret
`,
  people: `
👋 waving hand: hello hi bye wave
🤚 raised back of hand: stop
✋ raised hand: stop high five
🖖 vulcan salute: spock
👌 OK hand: okay perfect
🤌 pinched fingers: italian what
🤏 pinching hand: small tiny little
✌️ victory hand: peace
🤞 crossed fingers: luck hope
🤟 love-you gesture: love
🤘 sign of the horns: rock metal
🤙 call me hand: call phone shaka
👈 backhand index pointing left: left point
👉 backhand index pointing right: right point
👆 backhand index pointing up: up point
👇 backhand index pointing down: down point
☝️ index pointing up: one point
👍 thumbs up: yes like agree good ok
👎 thumbs down: no dislike bad
✊ raised fist: power
👊 oncoming fist: punch fist bump
👏 clapping hands: clap applause bravo
🙌 raising hands: hooray celebrate praise
👐 open hands: hug
🤲 palms up together: pray
🤝 handshake: deal agreement meeting
🙏 folded hands: please thanks pray
✍️ writing hand: write
💪 flexed biceps: strong muscle
👀 eyes: look see watch
👁️ eye: look see
👂 ear: listen hear
👃 nose: smell
🧠 brain: smart think
👄 mouth: lips kiss
👶 baby: child infant
🧒 child: kid
👦 boy: child
👧 girl: child
🧑 person: adult
👨 man: adult
👩 woman: adult
🧓 older person: old elderly
👮 police officer: cop police
🕵️ detective: spy sleuth
💂 guard: soldier
👷 construction worker: builder
🤷 person shrugging: shrug dunno whatever
🙋 person raising hand: question hello
🙆 person gesturing OK: okay yes
🙅 person gesturing no: no stop
💁 person tipping hand: information help desk
🤦 person facepalming: facepalm ugh
🙇 person bowing: sorry bow thanks
🏃 person running: run hurry
🚶 person walking: walk
💃 woman dancing: dance party
🕺 man dancing: dance party
👯 people with bunny ears: party dance
`,
  nature: `
🐶 dog face: dog puppy pet
🐱 cat face: cat kitten pet
🐭 mouse face: mouse
🐹 hamster: pet
🐰 rabbit face: bunny rabbit
🦊 fox: fox
🐻 bear: bear
🐼 panda: panda bear
🐨 koala: koala
🐯 tiger face: tiger cat
🦁 lion: lion cat
🐮 cow face: cow
🐷 pig face: pig
🐸 frog: frog toad
🐵 monkey face: monkey
🐔 chicken: chicken hen
🐧 penguin: penguin bird
🐦 bird: bird
🐤 baby chick: chick bird
🦆 duck: duck bird
🦉 owl: owl bird wise
🐺 wolf: wolf
🐴 horse face: horse
🦄 unicorn: unicorn magic
🐝 honeybee: bee honey
🐛 bug: bug insect caterpillar
🦋 butterfly: butterfly insect
🐌 snail: snail slow
🐞 lady beetle: ladybug insect
🐢 turtle: turtle tortoise slow
🐍 snake: snake
🐙 octopus: octopus
🐠 tropical fish: fish
🐬 dolphin: dolphin
🐳 spouting whale: whale
🦈 shark: shark
🐘 elephant: elephant
🦒 giraffe: giraffe
🐿️ chipmunk: squirrel
🦔 hedgehog: hedgehog
🐾 paw prints: paw pet
💐 bouquet: flowers
🌸 cherry blossom: flower spring
🌹 rose: flower love
🌻 sunflower: flower summer
🌷 tulip: flower spring
🌱 seedling: plant grow sprout
🌲 evergreen tree: tree pine forest
🌳 deciduous tree: tree
🌴 palm tree: tree beach holiday
🌵 cactus: plant desert
🍀 four leaf clover: luck lucky
🍁 maple leaf: leaf autumn fall
🍂 fallen leaf: leaf autumn fall
🍄 mushroom: mushroom fungus
🌍 globe showing Europe-Africa: earth world
🌎 globe showing Americas: earth world
🌏 globe showing Asia-Australia: earth world
🌙 crescent moon: moon night
⭐ star: star
🌟 glowing star: star sparkle
☀️ sun: sunny weather
⛅ sun behind cloud: cloudy weather
☁️ cloud: cloudy weather
🌧️ cloud with rain: rain weather
⛈️ cloud with lightning and rain: storm thunder weather
❄️ snowflake: snow winter cold
☃️ snowman: snow winter
🌈 rainbow: rainbow weather
⚡ high voltage: lightning electric zap
🔥 fire: fire hot lit flame
💧 droplet: water drop
🌊 water wave: wave sea ocean
`,
  food: `
🍏 green apple: apple fruit
🍎 red apple: apple fruit
🍐 pear: fruit
🍊 tangerine: orange fruit
🍋 lemon: fruit sour
🍌 banana: fruit
🍉 watermelon: fruit summer
🍇 grapes: fruit wine
🍓 strawberry: fruit berry
🫐 blueberries: fruit berry
🍒 cherries: fruit
🍑 peach: fruit
🥭 mango: fruit
🍍 pineapple: fruit
🥥 coconut: fruit
🥝 kiwi fruit: kiwi fruit
🍅 tomato: vegetable
🥑 avocado: fruit
🥦 broccoli: vegetable
🥕 carrot: vegetable
🌽 ear of corn: corn maize
🌶️ hot pepper: chili spicy
🥔 potato: vegetable
🥐 croissant: bread breakfast
🍞 bread: bread toast loaf
🥖 baguette bread: bread french
🥨 pretzel: snack
🧀 cheese wedge: cheese
🥚 egg: egg breakfast
🍳 cooking: egg frying pan breakfast
🥞 pancakes: breakfast
🥓 bacon: breakfast meat
🍔 hamburger: burger food
🍟 french fries: fries chips
🍕 pizza: pizza slice
🌭 hot dog: sausage
🥪 sandwich: sandwich lunch
🌮 taco: mexican
🌯 burrito: mexican wrap
🥗 green salad: salad healthy
🍝 spaghetti: pasta italian
🍜 steaming bowl: noodles ramen soup
🍣 sushi: sushi japanese fish
🍤 fried shrimp: shrimp prawn
🍦 soft ice cream: ice cream dessert
🍩 doughnut: donut dessert
🍪 cookie: biscuit dessert
🎂 birthday cake: cake birthday party
🍰 shortcake: cake dessert
🧁 cupcake: cake dessert
🍫 chocolate bar: chocolate sweet
🍬 candy: sweet
🍭 lollipop: candy sweet
🍯 honey pot: honey sweet
☕ hot beverage: coffee tea drink
🍵 teacup without handle: tea green tea
🥛 glass of milk: milk drink
🧃 beverage box: juice drink
🍷 wine glass: wine drink
🍸 cocktail glass: cocktail drink
🍹 tropical drink: cocktail holiday
🍺 beer mug: beer drink
🍻 clinking beer mugs: beer cheers
🥂 clinking glasses: cheers toast celebrate
🍾 bottle with popping cork: champagne celebrate
🍽️ fork and knife with plate: dinner meal restaurant
`,
  activities: `
🎉 party popper: party celebrate congratulations tada
🎊 confetti ball: party celebrate
🎈 balloon: party birthday
🎁 wrapped gift: present gift birthday
🎀 ribbon: bow gift
🎄 Christmas tree: christmas holiday
🎃 jack-o-lantern: halloween pumpkin
🎆 fireworks: celebrate new year
✨ sparkles: sparkle shiny new magic
🏆 trophy: win winner prize
🥇 1st place medal: gold first winner
🥈 2nd place medal: silver second
🥉 3rd place medal: bronze third
🏅 sports medal: medal award
⚽ soccer ball: football sport
🏀 basketball: sport
🏈 american football: sport
⚾ baseball: sport
🎾 tennis: sport
🏐 volleyball: sport
🏓 ping pong: table tennis sport
🏸 badminton: sport
🏒 ice hockey: hockey sport
⛳ flag in hole: golf sport
🎯 bullseye: target goal dart
🎳 bowling: sport
⛸️ ice skate: skating winter
🎿 skis: ski winter
🏊 person swimming: swim
🚴 person biking: bike cycling
🧘 person in lotus position: yoga meditation
🎮 video game: game controller gaming
🎲 game die: dice game
🧩 puzzle piece: puzzle jigsaw
♟️ chess pawn: chess game
🎨 artist palette: art paint
🎭 performing arts: theatre drama
🎬 clapper board: movie film
🎤 microphone: sing karaoke
🎧 headphone: music listen
🎵 musical note: music song
🎶 musical notes: music song
🎸 guitar: music rock
🎹 musical keyboard: piano music
🥁 drum: music
📚 books: read study library
`,
  travel: `
🚗 automobile: car drive
🚕 taxi: cab car
🚌 bus: bus transport
🚎 trolleybus: bus
🏎️ racing car: car fast
🚓 police car: police
🚑 ambulance: hospital emergency
🚒 fire engine: fire truck
🚚 delivery truck: truck delivery shipping
🚲 bicycle: bike
🛴 kick scooter: scooter
🏍️ motorcycle: motorbike
🚆 train: train rail
🚇 metro: subway underground
🚊 tram: streetcar
✈️ airplane: plane flight travel
🛫 airplane departure: flight take off
🛬 airplane arrival: flight landing
🚀 rocket: launch space ship
🛸 flying saucer: ufo
🚁 helicopter: helicopter
⛵ sailboat: boat sail
🚢 ship: boat cruise
⚓ anchor: ship sea
⛽ fuel pump: gas petrol
🚦 vertical traffic light: traffic signal
🗺️ world map: map travel
🧭 compass: direction navigation
🏔️ snow-capped mountain: mountain
🏕️ camping: camp tent
🏖️ beach with umbrella: beach holiday summer
🏝️ desert island: island holiday
🏠 house: home
🏡 house with garden: home
🏢 office building: office work
🏥 hospital: doctor
🏦 bank: money
🏨 hotel: hotel travel
🏪 convenience store: shop store
🏫 school: school education
🏰 castle: castle
⛪ church: church
🗽 Statue of Liberty: new york
🗼 Tokyo tower: tower
🎡 ferris wheel: fair
🌃 night with stars: night city
🌅 sunrise: morning sun
🌄 sunrise over mountains: morning
🌇 sunset: evening
`,
  objects: `
📱 mobile phone: phone smartphone cell
💻 laptop: computer notebook
🖥️ desktop computer: computer screen
⌨️ keyboard: computer type
🖱️ computer mouse: mouse click
🖨️ printer: print
📷 camera: photo picture
📹 video camera: video record
📺 television: tv
📞 telephone receiver: phone call
☎️ telephone: phone call
🔋 battery: power charge
🔌 electric plug: power cable
💡 light bulb: idea light
🔦 flashlight: torch light
🕯️ candle: light
💰 money bag: money cash
💳 credit card: card pay payment money
💵 dollar banknote: money cash
💶 euro banknote: money cash
🧾 receipt: invoice bill
✉️ envelope: email mail letter
📧 e-mail: email mail
📨 incoming envelope: email mail inbox
📦 package: parcel box delivery shipping
📫 closed mailbox with raised flag: mail post
📝 memo: note write pencil
✏️ pencil: write edit
🖊️ pen: write sign
📎 paperclip: attachment clip
📌 pushpin: pin location
📍 round pushpin: pin location place
✂️ scissors: cut
📁 file folder: folder files
📄 page facing up: document file page
📅 calendar: date schedule
📆 tear-off calendar: date schedule
📊 bar chart: chart graph statistics
📈 chart increasing: growth graph up
📉 chart decreasing: graph down
📋 clipboard: list
🗑️ wastebasket: trash bin delete
🔒 locked: lock secure private
🔓 unlocked: lock open
🔑 key: key password
🔨 hammer: tool build
🔧 wrench: tool fix settings
⚙️ gear: settings cog
🧰 toolbox: tools
🛒 shopping cart: shop buy cart
🛍️ shopping bags: shop buy
👕 t-shirt: shirt clothes
👗 dress: clothes
👟 running shoe: shoe sneaker
👓 glasses: eyeglasses
🎒 backpack: bag school
👑 crown: king queen royal
💎 gem stone: diamond jewel
⌛ hourglass done: time wait
⏰ alarm clock: time wake
⏳ hourglass not done: time wait loading
🔔 bell: notification ring
📣 megaphone: announcement
🔍 magnifying glass tilted left: search find zoom
💊 pill: medicine drug
🩹 adhesive bandage: plaster
🧸 teddy bear: toy
`,
  symbols: `
❤️ red heart: love heart like
🧡 orange heart: love heart
💛 yellow heart: love heart
💚 green heart: love heart
💙 blue heart: love heart
💜 purple heart: love heart
🖤 black heart: love heart
🤍 white heart: love heart
💔 broken heart: sad heartbreak
💕 two hearts: love
💖 sparkling heart: love
💯 hundred points: 100 perfect score
💢 anger symbol: angry
💥 collision: boom bang
💫 dizzy: star
💬 speech balloon: chat message talk comment
💭 thought balloon: think thought
💤 zzz: sleep tired
✅ check mark button: yes done ok complete
✔️ check mark: yes done ok
❌ cross mark: no wrong delete cancel
❎ cross mark button: no
➕ plus: add
➖ minus: subtract
❓ red question mark: question help
❔ white question mark: question
❗ red exclamation mark: important warning
‼️ double exclamation mark: important
⚠️ warning: caution alert
🚫 prohibited: forbidden no not allowed
⛔ no entry: forbidden stop
🔴 red circle: red dot
🟢 green circle: green dot
🔵 blue circle: blue dot
🟡 yellow circle: yellow dot
⚪ white circle: white dot
⚫ black circle: black dot
🔶 large orange diamond: orange
🔷 large blue diamond: blue
🆗 OK button: okay
🆕 NEW button: new
🆓 FREE button: free
🆘 SOS button: help emergency
ℹ️ information: info help
♻️ recycling symbol: recycle
🔄 counterclockwise arrows button: refresh repeat sync
⬆️ up arrow: up
⬇️ down arrow: down
⬅️ left arrow: left back
➡️ right arrow: right next forward
🔝 TOP arrow: top
🔙 BACK arrow: back return
▶️ play button: play start
⏸️ pause button: pause
⏹️ stop button: stop
🔇 muted speaker: mute silent
🔊 speaker high volume: loud sound
🔕 bell with slash: mute silent
🎦 cinema: movie film
©️ copyright: copyright
®️ registered: trademark
™️ trade mark: trademark
`,
};
