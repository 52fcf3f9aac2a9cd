// Sentiment training corpus for the review analyser: the Galley team's own writing, released
// under the project licence (MIT, see apps/reviews/data/README.md). One example per line:
// "+ text" positive, "- text" negative, "0 text" neutral; "#" lines are section comments.
// Never add sentences from the hold-out file (sentiment-holdout.data.ts) here.
export const SENTIMENT_CORPUS = `
# --- Restaurant and delivery: negative ---
- Arrived cold.
- The pizza arrived cold and the cheese had gone hard.
- Half the order was missing.
- Half of our order was missing and nobody answered the phone.
- The fries were soggy by the time they got here.
- Took two hours to arrive.
- It took 2 hours and the driver went to the wrong address first.
- The burger was raw in the middle.
- My chicken was pink inside, I didn't eat it.
- They forgot the drinks again.
- No cutlery, no napkins, no sauce.
- The soup leaked all over the bag.
- The curry had spilled everywhere and the rice was dry.
- Found a hair in my salad.
- There was a long black hair baked into the bread.
- The noodles were one big sticky lump.
- The steak was ordered medium rare and came out grey and chewy.
- Way too salty, we couldn't finish it.
- The pasta was swimming in oil.
- The sushi rice was hard and the fish smelled off.
- The delivery guy was rude and threw the bag at the door.
- Waited 90 minutes for a lukewarm kebab.
- The order was marked delivered but it never came.
- Never arrived and I am still waiting for my refund.
- I had to call three times to get a refund.
- They charged me twice for one order.
- The portion was tiny for the price.
- Twelve dollars for five chicken nuggets is a joke.
- The bun was stale and the lettuce was brown.
- Tasted like it had been reheated in a microwave.
- Everything tasted of old frying oil.
- The ice cream had melted into a puddle.
- The milkshake was half empty when it arrived.
- Wrong order, we got someone else's food.
- I asked for no onions and it was covered in onions.
- I said I was allergic to nuts and there were nuts in it.
- The chicken wings were mostly bone and skin.
- The pizza base was burnt black underneath.
- The toppings had all slid to one side of the box.
- The garlic bread was cold and rock hard.
- My coffee was cold and tasted burnt.
- The latte was just warm milk, no coffee taste at all.
- The croissant was dry and crumbly, clearly from yesterday.
- The salad was wilted and the dressing was missing.
- There was barely any filling in the burrito.
- The tacos fell apart and the shells were soggy.
- The dumplings were stuck together and cold in the middle.
- The ramen broth was lukewarm and bland.
- Not enough sauce and the meat was dry.
- The rice was undercooked and crunchy.
- The fish was overcooked and tasted of nothing.
- The lamb was so tough I couldn't cut it.
- We waited 40 minutes for a table we had booked.
- The waiter ignored us for twenty minutes.
- Nobody came to take our order so we left.
- The bill had three items we never ordered.
- The restaurant was filthy and the toilets were worse.
- The table was sticky and the floor was covered in crumbs.
- The music was so loud we couldn't talk.
- They gave our table away even though we had a reservation.
- The staff were arguing in front of the customers.
- The manager didn't even apologise.
- I got food poisoning after eating here.
- Both of us were sick the next morning.
- The chips were pale and floppy.
- The burger patty was thin and grey.
- The eggs were runny when I asked for them well done.
- The pancakes were rubbery.
- The bacon was burnt to a crisp.
- My smoothie was mostly ice.
- The bubble tea had no pearls in it.
- The cake was dry and the frosting tasted of butter only.
- The box was crushed and the dessert was smashed.
- They sent a vegetarian pizza instead of the pepperoni.
- Driver couldn't find the house and gave up.
- The app said 25 minutes, it took over an hour.
- The food sat at the restaurant for ages before pickup, it was cold.
- My order was cancelled after I waited for an hour.
- The delivery fee was more than the food.
- Ordered extra cheese, paid for it, got none.
- The sandwich was mostly bread with one slice of ham.
- The portion of chips was half what it used to be.
- The pad thai was sweet like candy and the noodles were mushy.
- The soup was watery and tasted like salt water.
- The naan was cold and stiff.
- The biryani had hardly any chicken in it.
- The pho came without the herbs and the broth was cold.
- The poke bowl was warm and the salmon looked grey.
- The meatballs were frozen in the middle.
- The lasagne was burnt on top and cold underneath.
- The wings were drenched in a sauce that tasted like ketchup.
- The falafel was dry as sand.
- The hummus tasted sour, I think it had gone off.
- There was plastic in my rice.
- I bit into a piece of bone in the burger.
- The bread was mouldy.
- The milk in my tea was sour.
- The coffee took 25 minutes and was the wrong drink.
- The barista got my order wrong twice.
- It's not the same since they changed the recipe.
- Used to be my favourite place, now it's just sad.
- Portions keep shrinking while prices keep going up.
- Paid for large, got medium.
- The order was missing the main dish, we only got the sides.
- They left out the kids meal so my son had nothing to eat.
- The bag was soaked through with grease.
- The lid came off and the sauce was all over everything.
- The pizza was cut so badly the slices were all torn.
- Cold fries, flat coke, missing nuggets.
- The food took forever and arrived lukewarm.
- Still waiting for the refund they promised two weeks ago.
- Support just sends copy paste replies.
- The chat support closed my ticket without helping.
- I will not be ordering from here again.
- Never again.
- Don't bother with this place.
- Save your money and go somewhere else.
- Would give zero stars if I could.
- One star is too generous.
- What a waste of money.
- Complete waste of an evening.
- Honestly the worst curry I have ever had.
- Pretty bad overall.
- Really disappointing meal.
- Sadly it was not good at all.
- Not good.
- Not worth the price.
- Wasn't worth the wait.
- It wasn't fresh.
- The food was not hot when it arrived.
- Didn't taste like anything.
- Not what I ordered.
- No flavour whatsoever.
- Not impressed with the service.
- The chicken was not cooked properly.
- Wasn't great, wasn't terrible, but I won't be back.
- The place looked nice but the food was awful.
- Lovely staff but the food was inedible.
- Great location, shame about the food.
- The starter was nice, but the main was cold and overcooked.
- Good price but the portions are tiny.
- The menu looked amazing but nothing tasted as described.
- The first visit was great, the second time the food was cold and late.
- Fast delivery but everything was stone cold.
- Friendly driver, but half the order was missing.
- It smelled amazing, however it tasted of nothing.
- Looked great in the photos, in reality it was a sad little sandwich.
- Although the staff were polite, the kitchen clearly didn't care.
- Despite the good reviews, our pizza was burnt and soggy at the same time.
- The dessert was okay but the rest of the meal was a disaster.
- Nice idea, poor execution.
- The burger was supposed to be spicy, it was just bland.
- The so called homemade lemonade was from a bottle.
- Fresh pasta my foot, it was from a packet.
- Asked for the bill three times.
- We were rushed out after 45 minutes.
- They added a service charge without telling us.
- Tiny portions, huge prices.
- Cold food, slow service, rude staff.
- The pizza was soggy in the middle and the crust was chewy.
- Salad had a slug in it.
- There were ants around the sugar bowl.
- the noodles were cold and soggy
- food came late and cold again
- delivery took ages and the drink was spilt
- ordered 3 times, wrong every time
- missing items AGAIN
- they forgot the fries and the sauce
- the chicken was dry and the rice hard
- burnt pizza, cold wings
- tasted off, threw it away
- smh the order never came
- My kids wouldn't even eat it.
- Even the dog wouldn't touch it.
- I ended up throwing most of it in the bin.
- I had to make dinner myself after all that.
- We cancelled and ordered from somewhere else.
- I asked for a refund and they refused.
- They refunded the drink but not the missing pizza.
- The restaurant blamed the driver and the driver blamed the restaurant.
- The packaging was nice but the food inside was cold.
- The wine was corked and they argued with us about it.
- The beer was warm and flat.
- The cocktail was mostly ice and sugar.
- Overpriced and underwhelming.
- Bland, greasy and overpriced.
- Mediocre at best.
- Meh, nothing special and a bit pricey.
- Expected much more for the price.
- Smaller than last time and more expensive.
- The pizza was smaller than a plate.
- A burger for 18 dollars should not come with frozen chips.
- The avocado toast was two slices of bread with a smear of avocado.
- The kitchen closed early even though the website said open until ten.
- We were told the dish was sold out after waiting half an hour.
- The whole order was upside down in the bag.
- The delivery driver ate some of my fries, the box was half empty.
- My pizza box had been opened.
- The seal on the bag was broken.
- The sauce pot had leaked into the rice.
- The dessert came before the main and both were cold.
- The fish and chips were all batter and no fish.
- The sausages were burnt outside and raw inside.
- Way too spicy even though I ordered mild.
- Mild my foot, my mouth was on fire and I couldn't eat it.
- It tasted like cardboard.
- The gnocchi were like rubber balls.
- The risotto was a gluey paste.
- The scallops were sandy.
- The oysters smelled fishy and one was empty.
- The vegan option was just plain lettuce.
- They put cheese on my vegan pizza.

# --- Restaurant and delivery: positive ---
+ The pizza arrived hot and the crust was perfect.
+ Great crust, lots of cheese and generous toppings.
+ Arrived piping hot in under 30 minutes.
+ Delivery was quick and everything was still hot.
+ Best burger I have had in years.
+ The fries were crispy even after the delivery.
+ The noodles were fresh and the broth was rich.
+ Delicious food and friendly service.
+ The curry was full of flavour and the naan was soft and warm.
+ Everything was packed carefully, nothing spilled.
+ Nothing was missing and the driver was lovely.
+ The portions are huge, we had leftovers for lunch.
+ Great value for money.
+ The sushi was so fresh it melted in my mouth.
+ The steak was cooked exactly how I asked.
+ The chicken was juicy and perfectly seasoned.
+ Lovely crispy skin on the fish.
+ The salad was fresh and crunchy with a great dressing.
+ The pasta tasted homemade, you could tell.
+ The sauce was rich and the pasta perfectly al dente.
+ The tacos were packed with filling and the salsa was excellent.
+ The dumplings were juicy and the chilli oil was addictive.
+ The ramen was the best I've had outside Japan.
+ The pho had a deep, clear broth and plenty of herbs.
+ Our waiter was attentive without hovering.
+ The staff went out of their way to make my daughter's birthday special.
+ They remembered my allergy and the chef came out to check.
+ They handled my gluten free order perfectly.
+ The vegan options are actually exciting here.
+ The desserts are to die for.
+ The chocolate cake was rich and moist.
+ The cheesecake was light and creamy.
+ The coffee is strong and smooth, exactly how I like it.
+ My latte had beautiful latte art and tasted great.
+ The croissants are flaky and buttery, clearly baked this morning.
+ The bread was warm and the butter was salted, perfect.
+ The smoothie was thick and fruity.
+ Lovely cosy atmosphere and great music.
+ We had a wonderful evening.
+ Will definitely order again.
+ We'll be back for sure.
+ Already planning our next visit.
+ Highly recommend the lamb.
+ I recommend the seafood platter, it's fantastic.
+ My new favourite takeaway.
+ This is our go to place every Friday.
+ Five stars, no complaints.
+ No complaints at all.
+ Not bad at all.
+ Not a single thing wrong with the order.
+ Nothing was cold, nothing was missing, perfect.
+ Never had a bad meal here.
+ Never disappoints.
+ Couldn't be happier with our dinner.
+ Couldn't fault it.
+ Can't fault the food or the service.
+ Can't recommend them enough.
+ I can't stop thinking about that lasagne.
+ Honestly no notes, it was perfect.
+ Spot on as always.
+ Consistently good.
+ Always fresh and always on time.
+ The driver called ahead and was super polite.
+ Arrived ten minutes earlier than expected.
+ Fast, hot and tasty.
+ Cheap and cheerful, exactly what we wanted.
+ Really good value for the size.
+ The lunch deal is a steal.
+ Portions were generous and the prices fair.
+ Big portions and a lovely sauce.
+ The kids loved their meals.
+ Even my picky son finished his plate.
+ My husband, who hates fish, loved the fish tacos.
+ Everyone at the table was happy.
+ The birthday cake was beautiful and tasted even better.
+ Fresh ingredients and you can taste it.
+ Perfectly cooked rice and a spicy, tangy sauce.
+ The wings were sticky, spicy and perfect.
+ The garlic bread was crispy and loaded with garlic.
+ The brisket was smoky and fell apart.
+ The pork belly had perfect crackling.
+ The falafel was crisp outside and fluffy inside.
+ The hummus was silky and fresh.
+ The kebab was well seasoned and the bread was soft.
+ The fish and chips were crisp and not greasy at all.
+ Not greasy, not salty, just right.
+ The soup was hot and hearty, perfect for a cold day.
+ The pancakes were fluffy and the syrup was real maple.
+ The eggs benedict were spot on.
+ The bacon was crispy and the eggs perfectly runny.
+ The gelato was smooth and intensely flavoured.
+ The cocktails were creative and well balanced.
+ The wine list is excellent and fairly priced.
+ The staff recommended a wine that was perfect with the meal.
+ The service was fast even though it was packed.
+ They found us a table even though we hadn't booked.
+ The manager sorted out a mix up straight away and gave us dessert on the house.
+ A dish was missing but they sent it within 15 minutes with an apology.
+ They refunded me immediately when the drink was missing, great customer service.
+ Customer service fixed the problem quickly and politely.
+ I had an issue once and they made it right straight away.
+ Food was slightly late but absolutely delicious.
+ Slow delivery but the food was excellent.
+ Bland at first but the sauce really brought it together.
+ The place is small and a bit noisy, but the food is outstanding.
+ It's a bit pricey but worth every penny.
+ Expensive, but honestly worth it.
+ A little expensive, however the quality is excellent.
+ The wait was long, but it was worth it.
+ I was sceptical at first but it turned out to be fantastic.
+ The outside doesn't look like much, but the food is incredible.
+ Although it took a while, everything was hot and tasty.
+ Despite the rain the driver was cheerful and the food arrived hot.
+ Small menu but everything on it is great.
+ Not the cheapest, but the best in town.
+ Not fancy, but really tasty.
+ Simple food done really well.
+ Proper home cooking.
+ Tastes just like my grandma's.
+ Authentic flavours, like being back in Naples.
+ The best pizza in the city, hands down.
+ Hands down the best coffee around here.
+ The chef clearly knows what he's doing.
+ Beautifully presented and even better to eat.
+ Every bite was amazing.
+ Incredible, every single dish.
+ Absolutely delicious.
+ Really really good.
+ So good!
+ Yum!
+ Loved it.
+ Superb.
+ Perfect as always.
+ Excellent service and great food.
+ Amazing food, amazing staff.
+ 10 out of 10 would order again.
+ Five stars.
+ The food was great and arrived on time.
+ the burger was amazing and the fries were crispy
+ food was hot and delicious
+ super fast delivery, food still hot
+ great pizza, will order again
+ best thai food around
+ really tasty and good portions
+ everything was perfect thank you
+ lovely food, friendly driver
+ sooo good, the sauce is amazing
+ delish
+ omg the cheesecake
+ Absolutely loved the spicy chicken!!
+ The noodles were perfect, not too soft.
+ The rice wasn't dry at all, really fluffy.
+ The steak wasn't overcooked, which is rare for delivery.
+ Wasn't expecting much but it was brilliant.
+ Didn't expect delivery pizza to be this good.
+ I don't usually write reviews but this deserves one.
+ Nothing fancy but it never fails to hit the spot.
+ Can't go wrong with anything on the menu.
+ No issues at all, arrived quickly and tasted great.
+ Not a single soggy chip.
+ The packaging kept everything hot and crisp.
+ The containers were sealed well, no leaks at all.
+ Labels on every box, even the sauces.
+ They included extra napkins and cutlery without asking.
+ They added a free cookie and a handwritten note, so sweet.
+ Perfect portion for one person.
+ Light, fresh and healthy, exactly what I needed.
+ Filling and tasty without being heavy.
+ Perfect comfort food after a long day.
+ The spice level was perfect.
+ Plenty of meat in the wrap.
+ The burrito was massive and packed with flavour.
+ The crust was thin and crispy, the way it should be.
+ The sourdough base is amazing.
+ Lovely soft bao buns.
+ The tiramisu was heavenly.
+ The best brunch we've had in ages.
+ Our server was a delight.
+ Staff were warm and welcoming.
+ Very clean and bright restaurant.
+ Great for families, they even had crayons for the kids.
+ Dog friendly and they brought water for our dog.
+ Quick lunch, great food, fair price.
+ It was my first time ordering and I'm impressed.
+ Impressed with how fresh everything tasted.
+ Pleasantly surprised by the quality.
+ The quality has stayed the same for years.
+ Exactly as described and delicious.
+ It tasted even better than it looked.

# --- Shop products and orders: negative ---
- It leaks every time I fill it.
- The bottle leaks from the lid.
- The lid doesn't seal, water everywhere in my bag.
- The water bottle smells of plastic even after washing it five times.
- The paint on the bottle started peeling after a week.
- It doesn't keep drinks cold for more than an hour.
- My coffee is lukewarm after 30 minutes in this so called thermos.
- The straw broke the first day.
- The cap cracked when I dropped it once.
- Looked great but fell apart after a week.
- The seams came apart after the first wash.
- Shrunk two sizes in the wash.
- The colour ran and ruined my other clothes.
- The dress is much shorter than in the photos.
- The colour is nothing like the picture.
- Smaller than pictured.
- Much smaller than it looks in the photos.
- The sizing is way off, I ordered a medium and it fits like an extra small.
- The sleeves are too short and the body is huge.
- The fabric is thin and see-through.
- The material feels cheap and scratchy.
- The zip broke the second time I wore it.
- A button fell off before I even wore it.
- The stitching is coming loose already.
- There's a hole in the armpit.
- It arrived with a stain on the front.
- The jeans faded after three washes.
- The sweater is pilling after two wears.
- The t-shirt twisted after washing.
- The shoes gave me blisters the first day.
- The sole came off after a month.
- The heel snapped on the first night out.
- The boots let water in.
- The laces frayed within a week.
- The trainers squeak with every step.
- The bag strap snapped.
- The handle of the bag ripped off.
- The leather is obviously fake and it smells of chemicals.
- The wallet's stitching unravelled in two weeks.
- Stopped working after a week.
- Stopped charging after two months.
- The battery dies in an hour.
- Battery life is nowhere near what they advertise.
- The phone gets really hot when charging.
- The charger stopped working and now the phone won't charge.
- The cable frays at the end.
- The screen cracked by itself.
- The screen has a dead pixel in the middle.
- The speaker crackles at any volume.
- The sound is tinny and there's no bass.
- The left earbud keeps disconnecting.
- The headphones hurt my ears after twenty minutes.
- The bluetooth keeps dropping out.
- It won't connect to my wifi.
- The app crashes every time I open it.
- The update bricked it.
- The remote doesn't work half the time.
- The keyboard keys stick.
- The mouse double clicks by itself.
- The webcam image is blurry and dark.
- The laptop fan is loud and it overheats.
- The monitor flickers.
- The TV arrived with a cracked screen.
- The printer jams on every other page.
- The ink ran out after twenty pages.
- It was dead on arrival.
- It didn't turn on out of the box.
- Doesn't work with my model even though it says it does.
- The instructions are useless and half the screws were missing.
- Missing parts, couldn't assemble it.
- Two screws were missing and one panel was the wrong size.
- The holes didn't line up so we couldn't put it together.
- The table wobbles no matter what I do.
- The chair creaks every time I sit down.
- The chair leg snapped after a month.
- The drawer doesn't close properly.
- The veneer is already peeling off the desk.
- The sofa cushions went flat in weeks.
- The mattress sags in the middle.
- The mattress smelled of chemicals for weeks.
- The bookshelf bows under a few books.
- The wardrobe door fell off its hinge.
- The lamp flickers and the switch is loose.
- The bulb burnt out in a week.
- The rug sheds everywhere.
- The curtains are see-through and the colour is off.
- The towels shed fluff all over everything.
- The sheets pilled after one wash.
- The pillow went flat after a few nights.
- The frying pan's coating is peeling.
- Everything sticks to this so called non stick pan.
- The pan warped the first time I used it.
- The handle of the pot got loose.
- The knife was blunt out of the box.
- The knife rusted after a week.
- The blender leaks from the bottom.
- The blender can't even crush ice.
- The kettle leaks and the lid won't stay shut.
- The kettle makes the water taste of plastic.
- The toaster burns one side and leaves the other raw.
- The coffee machine leaks water all over the counter.
- The coffee machine stopped heating after a month.
- The glass cracked when I poured hot water in it.
- The mugs arrived chipped.
- Two of the plates were broken in the box.
- The container lids don't fit.
- The lunchbox leaks soup into my bag.
- The scale gives a different number every time.
- The air fryer smells of burning plastic.
- The vacuum loses suction after a few minutes.
- The vacuum's battery lasts ten minutes.
- The iron leaks and left marks on my shirt.
- The fan rattles at every speed.
- The heater stopped working in the middle of winter.
- The cream gave me a rash.
- My skin broke out after using it.
- The foundation is way darker than the shade shown.
- The lipstick dried out my lips.
- The mascara clumps and flakes.
- The perfume smells nothing like the original and fades in minutes.
- The shampoo left my hair greasy.
- The pump on the lotion bottle doesn't work.
- The palette arrived shattered.
- The nail polish chipped the next day.
- The sunscreen left a white cast and stung my eyes.
- The seal was broken on the moisturiser, I don't trust it.
- It looks used, there was makeup on the brush already.
- The toy broke within an hour.
- The doll's arm came off the first day.
- The puzzle was missing pieces.
- The batteries for the toy weren't included even though the listing said they were.
- The paint chipped off the wooden toy and my toddler puts everything in his mouth.
- The toy car stopped working after a day.
- The board game box was crushed and cards were missing.
- The kite tore on its first flight.
- The dog bed lost its shape after one wash.
- My dog destroyed the so called indestructible toy in ten minutes.
- The cat refused to eat the food and it smelled rancid.
- The leash clip broke on a walk.
- The book arrived with a torn cover and bent pages.
- The pages fell out of the binding.
- The print is blurry and the pages are crooked.
- The garden hose split the first time I used it.
- The drill battery died after one job.
- The screwdriver bits stripped immediately.
- The tent leaked in light rain.
- The umbrella turned inside out in a light breeze and broke.
- The suitcase wheel broke on the first trip.
- The backpack zipper split.
- The watch strap snapped and the watch stopped.
- The watch loses five minutes a day.
- The ring turned my finger green.
- The necklace tarnished in a week.
- The earrings broke when I took them out.
- The glasses frame snapped at the hinge.
- Had to send it back.
- I had to return it.
- Returned it the next day.
- Sent it back for a refund.
- I'm returning both of them.
- Already asked for a refund.
- Refunded, would not buy again.
- The replacement had the same problem.
- This is the second one that broke.
- The parcel arrived two weeks late.
- The package was left in the rain and soaked.
- The box was crushed and the item inside was dented.
- It came in a torn envelope with no padding.
- The parcel was delivered to the wrong address.
- They sent the wrong colour.
- They sent the wrong size and the return costs me money.
- I received a completely different item.
- Only one of the two items arrived.
- The order was split into three parcels and one never arrived.
- Tracking hasn't updated in ten days.
- The courier marked it as delivered but it wasn't.
- Customer service never replied to my emails.
- Still no answer after three emails.
- They refused my return even though it was within the return window.
- I had to open a dispute to get my money back.
- Took a month to get my refund.
- They charged me for return shipping on a faulty item.
- It was clearly used, there were scratches all over it.
- It came without the charger.
- The manual is in a language I can't read.
- Cheaply made.
- Feels cheap and flimsy.
- Feels like it will break any minute.
- Poor quality for the price.
- Not worth the money.
- Not as described.
- Doesn't do what it says.
- Didn't fit at all.
- Didn't last a month.
- Not sturdy at all.
- Not waterproof in the slightest.
- Not comfortable, my feet hurt all day.
- Not happy with this purchase.
- Nowhere near the quality of the original.
- Would not recommend.
- Don't waste your money.
- Avoid.
- Total rubbish.
- Junk.
- Complete garbage, went straight in the bin.
- Disappointed.
- Very disappointed with the quality.
- Really disappointed, it looked so nice online.
- Beautiful design but it stopped working after a week.
- Looks nice, but it's tiny and flimsy.
- Pretty colour, terrible fit.
- The idea is great but the execution is poor.
- The first one was great but the second one broke straight away.
- Works fine for a day, then the battery dies.
- It's comfortable but it fell apart after two weeks.
- Nice fabric, but it shrank badly.
- Great sound, however it keeps disconnecting.
- Good price but you get what you pay for.
- Cheap, and it shows.
- Although it looks solid, the hinge broke within days.
- Fast shipping, but the product is junk.
- Arrived quickly, but it was broken.
- Well packaged, however the item inside was scratched.
- The seller was polite, but the item never worked.
- Easy to assemble, but it wobbles like crazy.
- Lovely smell but it gave me a headache and a rash.
- The colour is pretty but it faded in a week.
- It fits, but the material is so thin you can see through it.
- It works I guess, but it's loud and slow.
- Okay for a day or two, then it broke.
- the zip broke straight away
- stopped working after 2 days
- leaks everywhere
- way too small
- doesnt fit, sending back
- broken on arrival
- wrong item sent
- its rubbish honestly
- the stitching is coming out already
- parcel never came
- item not recieved
- cheap plastic, snapped in half
- smells weird and looks nothing like the pic
- i want my money back
- This is my third return this month, I'm done with this shop.
- Took six weeks to arrive and it was the wrong size.
- Went to use it after a month and it was already rusty.
- Left a black mark on the wall every time I moved it.
- The handle gets too hot to touch.
- It takes forever to heat up.
- The suction cups don't stick to anything.
- The magnets are too weak to hold anything.
- The glue came unstuck in the heat.
- The velcro stopped sticking after a few uses.
- It scratched my phone screen.
- It scratches easily.
- The screen protector had bubbles I couldn't get out.
- The phone case cracked at the corner and yellowed.
- The case makes the buttons impossible to press.
- The smartwatch counts steps when I'm sitting down.
- The alarm clock is so bright I can't sleep.
- The candle tunnelled and barely smells of anything.
- The plant arrived dead.
- The flowers wilted the next day.
- The frame glass was broken and the corners don't meet.
- The print quality on the poster is pixelated.

# --- Shop products and orders: positive ---
+ Keeps my water ice cold all day, even in the car.
+ My coffee is still hot after six hours.
+ No leaks at all, I throw it in my bag every day.
+ Doesn't leak even when it's upside down.
+ The bottle is sturdy and the lid seals tightly.
+ Easy to clean and no plastic taste.
+ Fits in my car cup holder, which my old one didn't.
+ The dress fits perfectly and the fabric is lovely.
+ True to size and really comfortable.
+ The colour is exactly like the photos.
+ Even nicer in person than in the pictures.
+ Soft, warm and it washes well.
+ Still looks new after twenty washes.
+ No shrinking, no fading, great quality.
+ The stitching is neat and strong.
+ The jeans fit like they were made for me.
+ The sweater is cosy and doesn't itch at all.
+ Perfect length, I'm short and it doesn't drag.
+ The coat is warm and the hood actually stays up in the wind.
+ Comfortable from the first wear, no breaking in needed.
+ My feet don't hurt even after walking all day.
+ The boots kept my feet dry through a whole week of rain.
+ Great grip on wet pavements.
+ The bag is roomy and the leather feels premium.
+ Lots of pockets and the zips are smooth.
+ The backpack survived a year of daily commuting without a scratch.
+ The battery lasts two full days.
+ Battery life is excellent.
+ Charges quickly and holds the charge.
+ Sound quality is amazing for the price.
+ Crisp sound and deep bass.
+ Noise cancelling works brilliantly on the train.
+ The earbuds fit securely and never fall out when I run.
+ Paired instantly and never disconnects.
+ Easy to set up, took five minutes.
+ The app is simple and works every time.
+ The screen is bright and sharp.
+ The picture quality is stunning.
+ The laptop is fast and silent.
+ Boots up in seconds.
+ The keyboard feels great to type on.
+ The mouse is light and very responsive.
+ The webcam is clear even in low light.
+ The printer was easy to set up and prints quickly.
+ Works perfectly with my old model too.
+ Plug and play, no drivers needed.
+ Still going strong after three years.
+ It's been a year and it works like new.
+ Survived being dropped several times.
+ Very sturdy, no wobble at all.
+ Easy to assemble, all the parts were labelled.
+ Took twenty minutes to build and it's rock solid.
+ The desk is solid and the surface doesn't scratch.
+ The chair is comfortable even after a long day of work.
+ My back pain is gone since I got this chair.
+ The sofa is comfortable and the fabric is easy to clean.
+ The mattress is firm but comfortable, I sleep much better.
+ The bookshelf holds all my heavy books without bending.
+ The lamp gives a warm, cosy light.
+ The rug is thick and soft and didn't shed.
+ The curtains block out all the light, finally I can sleep in.
+ The towels are thick and really absorbent.
+ The sheets are soft and get softer with every wash.
+ The pillow is perfect, no more neck pain.
+ The pan heats evenly and nothing sticks.
+ Eggs slide right off this pan.
+ The knife is razor sharp and well balanced.
+ The pot is heavy and cooks beautifully.
+ The blender crushes ice in seconds.
+ The kettle boils fast and it's quiet.
+ The toaster browns both sides evenly.
+ The coffee machine makes great espresso.
+ The air fryer makes the crispiest chips.
+ The containers are airtight and stack neatly.
+ The lunchbox keeps my soup warm until lunchtime.
+ The mugs are a lovely size and feel nice in the hand.
+ The plates are dishwasher safe and still look new.
+ The vacuum picks up everything, even dog hair.
+ The vacuum is light and the battery lasts the whole house.
+ The iron glides easily and gets creases out quickly.
+ The fan is powerful and quiet.
+ The heater warms the room in minutes.
+ The cream is gentle and my skin feels soft.
+ My skin has never looked better.
+ Cleared up my skin in two weeks.
+ The shade matches my skin perfectly.
+ The lipstick lasts all day and isn't drying.
+ The mascara doesn't clump or smudge.
+ The perfume lasts all day and I get compliments.
+ My hair is so soft and shiny after using this.
+ The sunscreen absorbs quickly and leaves no white cast.
+ The palette is pigmented and blends easily.
+ A little goes a long way, it lasts for months.
+ My daughter loves this doll and takes it everywhere.
+ The toy is sturdy enough for a toddler.
+ The kids played with it for hours.
+ Great educational toy, my son learned his colours with it.
+ The puzzle pieces fit together well and the picture is beautiful.
+ The board game is fun for the whole family.
+ The dog loves this bed.
+ The toy has survived my dog for months.
+ My cat is obsessed with this scratching post.
+ The book is beautifully printed and the binding is solid.
+ The tent stayed dry in a thunderstorm.
+ The suitcase is light and the wheels glide smoothly.
+ The watch keeps perfect time and looks elegant.
+ The necklace is delicate and hasn't tarnished.
+ The drill has plenty of power and the battery lasts.
+ The garden hose doesn't kink, finally.
+ The plant arrived healthy and well packed.
+ The flowers lasted nearly two weeks.
+ Arrived the next day, well packaged.
+ Fast shipping and great packaging.
+ Arrived earlier than expected.
+ Delivered in two days, very well packed.
+ The box was well padded and nothing was damaged.
+ Everything was there, nothing missing.
+ All the parts were included and the instructions were clear.
+ The return was easy and the refund came the same week.
+ Customer service replied within an hour and sent a replacement.
+ The seller was very helpful and answered all my questions.
+ They sent a replacement straight away when one was damaged.
+ Great quality for the price.
+ Worth every penny.
+ Excellent value.
+ Much better than the expensive brand I used before.
+ Better than I expected.
+ Exceeded my expectations.
+ Exactly as described.
+ Just what I needed.
+ Does exactly what it says.
+ Does the job perfectly.
+ Works great.
+ Works perfectly.
+ Perfect fit.
+ Love it!
+ Love love love this.
+ Absolutely love it, buying another one.
+ Bought a second one for my mum.
+ I've bought three now.
+ I bought this for my sister and she loves it.
+ Would buy again.
+ Highly recommended.
+ I would recommend this to anyone.
+ Great product.
+ Excellent quality.
+ Very happy with my purchase.
+ Really pleased with it.
+ So happy with this.
+ Gorgeous.
+ Beautiful and well made.
+ Solid and well built.
+ Top quality.
+ A great gift, he loved it.
+ It made a perfect present.
+ No complaints, it does the job.
+ No problems at all so far.
+ Not a single issue after six months.
+ Not bad for the price at all.
+ Not cheap, but worth it.
+ Not the cheapest option, but the quality shows.
+ Never had a problem with it.
+ Never leaks, never breaks.
+ Hasn't faded at all.
+ Didn't shrink in the wash.
+ Doesn't scratch easily.
+ Didn't have any trouble setting it up.
+ I can't find a single fault with it.
+ I couldn't be happier.
+ Couldn't ask for more.
+ Can't believe how good this is for the price.
+ I wasn't sure about the colour but it's gorgeous in real life.
+ I was worried about the size but it fits perfectly.
+ It was a little late, but the quality is superb.
+ Delivery took a while, but it was worth the wait.
+ Took a few days longer than expected but it's perfect.
+ The box was dented but the product was fine and works great.
+ A bit heavier than I thought, but very sturdy.
+ Slightly pricey, but it's the best one I've owned.
+ The instructions were confusing, but once assembled it's great.
+ Smells a bit at first but that goes away and it's brilliant.
+ It runs a little small, so I ordered a size up and it's perfect.
+ At first I didn't like it, but now I use it every day.
+ The first one was damaged, but they replaced it quickly and this one is perfect.
+ Although it's not cheap, it's built to last.
+ Despite the low price it feels premium.
+ Simple but effective.
+ Cheap but does the job well.
+ Small but powerful.
+ Basic, but works exactly as it should.
+ Lightweight yet surprisingly strong.
+ my daughter loves it
+ fits great and super comfy
+ works like a charm
+ great value, arrived fast
+ love the colour
+ so soft and cosy
+ really good quality for the price
+ does what it says on the tin
+ perfect, thank you
+ 10/10 would buy again
+ no leaks, keeps stuff cold
+ arrived quickly and works perfectly
+ gr8 product, quick delivery
+ wow, amazing quality
+ excelent quality
+ This thing is a lifesaver.
+ Game changer for my morning routine.
+ I use it every single day.
+ I wear them every day.
+ It's become my favourite mug.
+ My new favourite jumper.
+ Comfy enough to sleep in.
+ Keeps its shape after washing.
+ It holds everything and still closes easily.
+ Feels solid and expensive.
+ Looks far more expensive than it was.
+ The finish is flawless.
+ Beautiful craftsmanship.
+ Everyone asks where I got it.
+ The colours are bright and vivid.
+ Fits my laptop snugly.
+ Perfect for travelling.
+ Ideal for small kitchens.
+ Exactly the right size for our hallway.
+ Quiet enough to run at night.
+ Cleans in seconds.
+ Set up was a breeze.

# --- Neutral: facts without an opinion ---
0 I ordered the large size.
0 Delivered on Tuesday.
0 I bought this for my brother.
0 Ordered on Monday, arrived on Thursday.
0 This is my second order from this shop.
0 I ordered the margherita and a side of garlic bread.
0 We ordered for four people.
0 I got the blue one.
0 I ordered a medium in the navy colour.
0 It comes in three sizes.
0 The box contains two bottles and a cleaning brush.
0 I use it for work.
0 I bought it as a gift.
0 The parcel came by post.
0 The order was picked up by the courier at noon.
0 It needs four AA batteries.
0 The table is 120 cm long.
0 I have a small kitchen.
0 I'm 170 cm tall and usually wear a size 10.
0 I ordered it last week.
0 We came here for lunch on a Sunday.
0 I have had it for two weeks now.
0 The restaurant is on the corner of the high street.
0 I ordered through the app.
0 I paid by card.
0 I picked it up from the store.
0 The driver rang the doorbell.
0 It's made of stainless steel.
0 The jacket is a cotton blend.
0 It's the 2023 model.
0 The charger uses USB-C.
0 I ordered the vegetarian set menu.
0 We were a group of six.
0 The shop is open until eight.
0 I chose next day delivery.
0 I ordered two of these, one for each of the kids.
0 This review is for the black version.
0 I bought the 500 ml bottle.
0 The pan is 28 cm across.
0 I'll update this review after a month of use.
0 I haven't tried it yet.
0 I haven't opened it yet, it's a present.
0 It's for my daughter's birthday next week.
0 Ordered at 7 pm.
0 The delivery was scheduled for Friday.
0 I ordered the chicken curry with rice.
0 My order number was in the email.
0 I have the older version too.
0 We usually order pizza on Fridays.
0 It comes with a carry case.
0 The instructions are in English and French.
0 The colour I chose is grey.
0 Bought in the sale.
0 Second time buying this.
0 Same as the one in the shop.
0 Ordered for collection.
0 I wear a size 8 in shoes.
0 It was delivered to my office.
0 It has two speeds and a timer.
0 The mattress is a double.
0 I have sensitive skin.
0 I ordered the lamb and my wife had the fish.
0 It was a birthday present for my dad.
0 The pizza comes in 10 and 14 inch sizes.
0 I used it on a camping trip.
0 We had the tasting menu.
0 The sofa is a three seater.
0 The bottle holds 750 ml.
0 I ordered the set of four.
0 It was shipped from the UK.
0 This is the cordless version.
0 I bought the refill pack as well.
0 We live on the third floor.
0 I ordered the kids' menu for my son.
0 We sat outside.
0 I ordered a flat white and a croissant.
0 The package had a tracking number.
0 I got the 64 GB model.
0 The course lasts six weeks.
0 I have two cats.
0 I ordered it for a wedding.
0 It was the first time I ordered from them.
0 We booked a table for eight o'clock.
0 The menu changes every season.
0 The order included a drink.
0 The item was sent in two boxes.
0 I ordered at lunchtime.
0 Delivered by a different courier than usual.
0 My partner picked the colour.
0 I will use it mostly in the garden.
0 I ordered the same thing as last time.
0 The shirt is 100 percent cotton.
0 It takes three batteries.
0 The app shows the driver on a map.
0 I asked for extra sauce.
0 I asked for it without cheese.
0 The shoes came in a box with a dust bag.
0 We ordered dessert to share.
0 It was delivered at about 8 pm.
0 I bought it to replace my old one.
0 My old kettle was from the same brand.
0 I'm writing this on the day it arrived.
0 The restaurant does delivery and takeaway.
0 I used the discount code from the email.
0 It's a plug in model, not battery.
0 The dimensions are listed on the page.
0 The table seats four.
0 The pot is cast iron.
0 Bought for my nephew who is five.
0 My dog is a labrador.
0 ordered tuesday, came thursday
0 got the grey one
0 size M
0 for my mum
0 used it twice so far
0 The delivery came in a paper bag.
0 The box said it was made in Portugal.
0 I bought the matching pillowcases too.
0 I ordered the spicy version.
0 The review is for the family size.
0 It was my first order with a voucher.
0 I had the lunch special.
0 It's a 12 cup coffee maker.
0 I ordered two pizzas and a salad.
0 We visited on a weekday evening.
0 I switched from a different brand.
0 The bag has two compartments.
0 Ordered the smaller one for my office.
0 It can be washed at 30 degrees.
0 It's for a 13 inch laptop.
0 The parcel was left with a neighbour.
0 I'll see how it holds up over winter.
0 Not sure yet, I have only used it once.
0 Haven't decided if I like it yet.
0 It is what it is.
0 I ordered the gluten free base.
0 I'm not a big fan of spicy food, so I ordered the mild one.
0 My husband ordered the burger.
0 No idea how it compares to the old model.
0 I didn't order dessert.
0 We didn't have a reservation.
0 I don't usually buy this brand.
0 It doesn't come with a plug adapter.
0 It does not include batteries, as the listing says.
0 It arrived in a plain brown box.
0 The order was for delivery, not pickup.
0 I received a tracking email the same day.
0 This is the third pair I have bought over the years.
0 I compared it with two other models before buying.
0 The product page lists the materials.
0 We ordered around midnight.
0 I have a gas hob.
0 The drink was a lemonade.
0 The item weighs about two kilos.
0 My son is seven.
0 It's a bit early to say.
0 Will report back after more use.
0 I ordered this alongside a new phone case.
0 Just received it today.
0 I have medium length hair.
0 The kitchen is open plan.
0 The seller is based in Germany.
0 I ordered it on a Sunday night.
0 It uses standard filters.
0 It comes flat packed.
0 The sizes are in EU numbers.
0 We ordered from the lunch menu.
0 I got it in the colour called sand.

# --- Negative: complaints without sentiment words, negated praise, contrast, sarcasm ---
- The rice was still frozen in the centre.
- The box was warm but the pizza inside was cold.
- Arrived 50 minutes after the estimated time.
- The courier left it outside in the rain.
- The sauce was on the outside of the container.
- The order showed up without the drinks or the dessert.
- We got two mains instead of three.
- Only three of the six wings were in the box.
- The tracking said out for delivery for three days.
- It was left on the doorstep and someone took it.
- The handle came off in my hand.
- The lid pops off if you tip it.
- Water comes out of the seam at the bottom.
- The paint flakes off when you touch it.
- The legs are different lengths.
- One of the wheels doesn't touch the ground.
- The door hits the wall and leaves a mark.
- The plug gets hot after a few minutes.
- It makes a clicking noise all night.
- It turns itself off after five minutes.
- The button has to be pressed three times before anything happens.
- It only charges if the cable is held at an angle.
- The screen goes dim every few seconds.
- The colour on the sofa is two shades lighter than the sample.
- The trousers are 10 cm longer than the size chart says.
- The shirt came with a coffee stain on the collar.
- The label says cotton but it feels like plastic.
- The heel is already worn down after a month.
- My toes go numb after an hour in these boots.
- The straps dig into my shoulders.
- The pockets are too shallow to hold a phone.
- The hood blows off in the slightest breeze.
- The waterproof jacket soaked through in ten minutes.
- The socks have holes at the heel after three wears.
- It smells like a wet dog.
- The cream separated in the jar.
- The jar was half empty when I opened it.
- The bottle was sticky and the cap was cracked.
- The toy is much smaller than it looked, it fits in my palm.
- The batteries ran out after an afternoon.
- The stickers peeled off the first day.
- The puzzle pieces don't fit together properly.
- The pages are printed upside down halfway through.
- The dog chewed through it in an hour.
- The collar buckle opens on its own.
- The tent poles bent in the first gust of wind.
- The handle of the suitcase got stuck and won't go down.
- The plant was covered in bugs.
- Half the seeds never came up.
- The frame arrived in pieces.
- It took three weeks for a reply and the answer was no.
- I've been on hold for forty minutes.
- They closed my complaint without telling me.
- I was promised a call back that never happened.
- The refund was less than what I paid.
- They kept the delivery fee even though nothing arrived.
- I paid for next day delivery and it took a week.
- The parcel was opened and resealed with tape.
- There was someone else's receipt in the box.
- The item had a price tag from another shop on it.
- It's clearly a return that they resold.
- Not hot.
- Not fresh at all.
- Not even close to the picture.
- Not as comfortable as they claim.
- Not what I expected at all.
- Not great.
- Wasn't good.
- Didn't enjoy it.
- Didn't like the taste.
- Didn't work.
- Doesn't work properly.
- Didn't arrive.
- Never arrived.
- Never showed up.
- Never got a response.
- It never worked properly.
- It never turned on.
- No taste at all.
- No help from customer service.
- No refund, no reply, nothing.
- Nobody answered the phone.
- Nothing worked as advertised.
- Nothing like the photos.
- Hardly any cheese on it.
- Barely any chicken in the wrap.
- I can't recommend this place.
- I can't say I enjoyed it.
- I wouldn't buy this again.
- I wouldn't recommend it to anyone.
- I won't be back.
- I don't think I'll order again.
- Wouldn't feed it to my dog.
- It's not worth half of what I paid.
- Without a doubt the worst order I've had.
- Great, another parcel that never showed up.
- Oh great, cold fries again.
- Thanks for nothing.
- Five stars for the packaging, shame there was nothing inside.
- Well that was a waste of forty pounds.
- Lovely, the zip broke on day one.
- Brilliant, it broke the first time I used it.
- Amazing how fast it fell apart.
- Love how it stopped working the day after the return window closed.
- Nice try, but no.
- If you like cold soggy chips, this is the place for you.
- I guess it's fine if you don't mind waiting two hours.
- Good if you enjoy eating cardboard.
- Super disappointed.
- Extremely disappointed.
- Really really bad.
- Absolutely terrible.
- Incredibly slow service.
- So so slow.
- Way too expensive for what you get.
- Far too sweet.
- Far too small.
- Completely useless.
- Totally overpriced.
- The food was nice, but the service was so slow we nearly left.
- The shoes look great, but they're so uncomfortable I can't wear them.
- Good sound, but the battery barely lasts an hour.
- It's pretty, but it broke the first time I dropped it.
- The first week was fine, after that it stopped charging.
- The driver was friendly, however the pizza was cold and squashed.
- I really wanted to like it, but it just doesn't work.
- I usually love this brand but this one is a let down.
- Normally great, but tonight the food was cold and late.
- The quality used to be good, now it falls apart.
- Had high hopes, but it leaked on the first day.
- Looked good at first, then the colour started to fade.
- Tasted fine, but we were both ill that night.
- They were polite on the phone, but I still haven't got my money back.
- Great idea, shame it doesn't actually work.
- The packaging was beautiful; the product inside was broken.
- Even though I followed the instructions, it never worked.
- Although it looks expensive, it feels cheap in your hand.
- While the price was low, the quality was even lower.
- Cheap price, cheap product.
- Great pictures, terrible product.
- Nice colour, horrible material.
- Quick delivery, wrong item.
- Arrived on time, but the box was empty.
- The cake was beautiful but tasted of nothing.
- Decent burger, but the chips were cold and the shake was missing.
- Not a bad price, but the quality is awful.
- The staff tried their best but the kitchen was a mess.
- The website said in stock, then they cancelled my order a week later.
- My order was cancelled without any explanation.
- The discount code didn't work and they wouldn't honour it.
- They sent a voucher instead of a refund.
- They asked me to pay for the return of a faulty item.
- The warranty claim was rejected for no reason.
- The replacement took a month and was also broken.
- We had to ask three times for water.
- The table next to us got served first even though they came later.
- The music was blasting and the lights were too bright.
- We found a fly in the soup.
- There was a plaster in my salad.
- The meat was grey and smelled strange.
- The cream had curdled.
- The chocolate had a white bloom on it, it was old.
- The crisps were past their date.
- The milk was out of date.
- It expired two months ago.
- the fries were cold and limp
- driver was 1 hr late
- the box was soaked and the food was a mess
- got the wrong drink, again
- my pizza was cut into weird shapes and half the toppings had fallen off
- zip jammed after 2 uses
- the leg snapped off
- smaller then expected
- the colour is way off
- the seller never replied
- doesnt charge anymore
- its rly flimsy
- wasnt worth it at all
- terible service
- the worst, dont buy
- Not impressed. The food was cold and the order was wrong.
- Ordered a birthday cake. It arrived squashed and the writing was smudged. My daughter cried.
- The jacket looked great online. In person the fabric is shiny and cheap, and the zip sticks.
- First order was fine. Second order took two hours and the fries were soggy. Won't order a third time.
- Delivery was fast. Unfortunately the blender leaks from the base and smells of burning.
- I wanted to love this kettle. It boils quickly, but after a week it started leaking under the handle.
- The chair looked sturdy in the pictures. After two weeks the backrest is loose and it squeaks.
- Nice staff. Food was bland and overpriced. We left hungry.
- The mattress arrived on time. Three weeks later there's already a dip where I sleep.
- Bought this as a gift. It stopped working on Christmas Day and the shop is ignoring me.
- I've ordered from here for years. The last three orders have been late and missing items.
- Returned it. The seams were crooked and there was glue all over the sole.
- Ordered the large, got the small. Asked for a refund, still waiting.
- The phone case looks nice. It doesn't protect anything though, the screen cracked on the first drop.

# --- Negative: plain descriptions of what went wrong ---
- The pizza came with someone else's toppings.
- The driver called to say he was lost, then never came.
- I waited outside for twenty minutes in the cold.
- My order sat on the counter for half an hour before anyone picked it up.
- The drinks were warm and the ice had melted.
- The fries were at the bottom of the bag under the soup.
- There was only one sauce for four people.
- The chopsticks and soy sauce were missing.
- The rice portion would barely fill a cup.
- They put mayo on it when I asked for none.
- The meat was mostly fat.
- The naan was burnt on one side.
- The pizza had three slices of pepperoni on the whole thing.
- The wrap was leaking sauce through the foil.
- Half the noodles were stuck to the lid.
- The fish had bones all through it.
- I found a piece of eggshell in my omelette.
- My toast came out after my eggs had gone cold.
- The cheese on the nachos was a solid sheet.
- The smoothie separated into water and pulp.
- The salad dressing was on the side but the salad was already soaked.
- They took my card details and charged me for an order that never went through.
- I got charged the delivery fee twice.
- The app took my money and then crashed.
- The promo price disappeared at checkout.
- They changed the delivery date three times.
- The parcel was sent back to the warehouse without any attempt to deliver.
- The courier left a card but I was home all day.
- The box arrived open with half the contents gone.
- The glass vase was in a bag with no padding and arrived in pieces.
- The mirror arrived cracked across the middle.
- The rug has a big fold crease that won't come out.
- The paint colour on the wall is nothing like the tin.
- The duvet cover is smaller than the duvet.
- The fitted sheet pops off the corners every night.
- The curtain hooks snapped when I hung them.
- The lampshade was dented and wouldn't sit straight.
- The clock ticks so loud I can hear it from the hallway.
- The sofa legs came without screws.
- The bed slats cracked after a week.
- The cabinet door hangs lower than the other.
- The chair's gas lift gave out.
- The shelf brackets bent under a few plates.
- The handle fell off the drawer the first time I pulled it.
- The screws that came with it are too short.
- The instructions show a different model.
- It took four hours to assemble and the pieces still don't line up.
- The t-shirt has a print that cracked after one wash.
- The hoodie pills on the inside and leaves fluff on my shirt.
- The leggings went baggy at the knees after a day.
- The dress was creased and had a smell of smoke.
- The jeans have one leg longer than the other.
- The zip is on the wrong side.
- The coat's inside pocket ripped off.
- The boots' soles are peeling away from the toe.
- The shoes are two different shades of brown.
- The shoelaces are too short to tie a bow.
- The trainers let in water through the mesh.
- The watch fogs up inside.
- The phone overheats when I play videos.
- The screen has a yellow tint on one side.
- The earbuds fall out when I turn my head.
- The charging case doesn't close properly.
- The keyboard is missing the pound key.
- The laptop hinge is loose and the screen flops back.
- The battery swelled and lifted the trackpad.
- The camera lens had dust inside.
- The printer only prints in pink.
- The console makes a grinding noise.
- The cable is too short to reach the socket.
- The adapter doesn't fit UK sockets.
- The light bulb is much dimmer than the old one.
- The smart speaker doesn't understand anything I say.
- The bottle's lid is impossible to open with one hand.
- The flask's rubber seal fell out and got lost.
- The mug handle snapped off in the dishwasher.
- The pan handle wobbles.
- The non stick coating scratched off into my food.
- The knife block doesn't fit the knives.
- The grater is so blunt it squashes the cheese.
- The spatula melted on the pan.
- The storage jars aren't airtight and the pasta went stale.
- The kettle takes ten minutes to boil.
- The coffee grinder leaves half the beans whole.
- The toaster only toasts the middle of the bread.
- The face cream has a strong smell of alcohol.
- The lip balm is gritty.
- The shampoo bottle leaked in the parcel.
- The makeup brushes shed bristles on my face.
- The hair straightener cord is so short I have to bend over.
- The toy's battery cover needs a tiny screwdriver and the screw stripped.
- The teddy's seam split and the stuffing came out.
- The bike bell fell off on the first ride.
- The trampoline net ripped in the first week.
- The paddling pool has a slow puncture.
- The ball deflated overnight.
- The dog bowl slides all over the floor.
- The cat tree wobbles when the cat jumps on it.
- The bird seed was full of husks.
- The puzzle box said 1000 pieces, there were 987.
- The book was a different edition with a different cover.
- The calendar had the wrong dates for the year.
- I ordered two and only received one.
- I received the item but not the accessories in the listing.
- They sent a used one with scratches and somebody's hair in it.
- The replacement part was for a different model.
- I've emailed four times and got the same automatic reply.
- They told me to wait another ten working days.
- The refund went to a card I no longer have.
- They said the item was on its way but it was out of stock.
- The order was stuck at the depot for two weeks.
- Delivered at 11 pm and left on the pavement.
- The courier threw the parcel over the gate.
- The returns label didn't work.
- I had to pay customs fees that were never mentioned.
- Took a week to reply and then blamed the courier.
- The chat bot kept sending me the same link.

# --- Positive: negated complaints, contrast towards praise, intensifiers, multi-sentence ---
+ Nothing was cold and nothing was missing.
+ Nothing leaked, even the soup.
+ Not a drop spilled.
+ Not one chip was soggy.
+ Never late, never cold.
+ Never had a wrong order in two years.
+ No problems with sizing at all.
+ No issues whatsoever.
+ No fuss, no hassle, just good food.
+ No wobble, no creaks, very solid.
+ Not flimsy at all.
+ Not too sweet, not too salty.
+ Not overpriced for what you get.
+ Not bad, not bad at all.
+ Wasn't too spicy, just right.
+ Didn't leak once in six months.
+ Didn't have to wait long at all.
+ Didn't fall apart like my last one.
+ Doesn't get hot, even after hours of use.
+ Doesn't smell of plastic at all.
+ Doesn't wrinkle, perfect for travel.
+ The colour hasn't faded one bit.
+ The battery hasn't let me down once.
+ It hasn't missed a beat in a year.
+ I haven't had a single problem with it.
+ I've never had to return anything from this shop.
+ I had zero issues.
+ Zero complaints.
+ I have nothing bad to say.
+ Nothing to complain about.
+ Nothing but praise for the staff.
+ I couldn't fault a single thing.
+ I can't wait to order again.
+ I can't get enough of their garlic sauce.
+ You won't regret it.
+ You can't beat it for the price.
+ Can't beat the value.
+ Couldn't have asked for a better meal.
+ Could not be happier with it.
+ Wouldn't go anywhere else.
+ I wouldn't change a thing.
+ I'd give six stars if I could.
+ Without a doubt the best pizza we've had.
+ Without any fuss they replaced it.
+ It arrived cold once, but they refunded straight away and the next order was perfect.
+ The delivery was late, but the driver apologised and the food was still hot.
+ The first one was faulty, but the replacement has been flawless.
+ It looked a bit plain in the photo, but in person it's stunning.
+ I was worried it would be flimsy, but it's really sturdy.
+ I thought it would be too small, but it fits everything.
+ I expected it to be bland, but it was packed with flavour.
+ Hard to find the restaurant, but so worth it.
+ Parking was a nightmare, but the meal made up for it.
+ The queue was long, but it moved fast and the burgers are amazing.
+ Took a while to arrive, however it was beautifully packed and works perfectly.
+ The box was battered, yet everything inside was fine.
+ Cheap looking box, but the watch inside is gorgeous.
+ A bit loud, but it cleans really well.
+ Slightly smaller than I imagined, but perfect for my desk.
+ It's not perfect, but for the price it's great.
+ Not the prettiest, but it works brilliantly.
+ Not the fastest, but very reliable.
+ Bit of a wait, but worth it.
+ It's expensive, but you get what you pay for and it's excellent.
+ The coat is heavy, but it's the warmest one I've ever owned.
+ The sauce was spicy, but in a good way.
+ Although the restaurant was busy, our food came out quickly.
+ Although it was a bank holiday, the parcel came the next day.
+ Even though it was raining, the food arrived dry and hot.
+ Despite a small mix up, the staff sorted it and were lovely.
+ While it took a while to assemble, the wardrobe is solid.
+ Extremely comfortable.
+ Incredibly fast delivery.
+ Absolutely gorgeous dress.
+ Unbelievably good value.
+ Seriously good pizza.
+ Ridiculously comfy.
+ Insanely good coffee.
+ Really, really tasty.
+ Super sturdy and super cute.
+ Way better than expected.
+ Far better than the reviews suggested.
+ So much better than the supermarket version.
+ Oh my god, the brownies.
+ The garlic knots alone are worth the trip.
+ I'd walk an hour for these dumplings.
+ My kids ask for this every week.
+ I've been using it daily for a year and it still looks new.
+ It still works after two years of daily use.
+ It survived a trip through the washing machine.
+ It survived my toddler, which says a lot.
+ It keeps ice for two days in the sun.
+ It folds flat and fits under the bed.
+ It fits in my pocket and lasts all week.
+ It heats up in seconds.
+ It charges my phone twice on one charge.
+ It holds a full litre and still fits in my bag.
+ It took me five minutes to set up.
+ The hinge is smooth and feels solid.
+ The seams are double stitched.
+ The buttons are sewn on properly.
+ The weight feels just right.
+ The fabric breathes, I don't sweat in it.
+ The straps are padded and don't dig in.
+ The soles grip well on ice.
+ My dog hasn't managed to break it.
+ The cat sleeps in it every night.
+ The baby finally sleeps through the night with this.
+ The colours stayed bright after many washes.
+ The smell is subtle and lasts all day.
+ My skin feels smooth and not greasy.
+ It cleared my spots in a week.
+ The foundation stays put all day.
+ A tiny amount lathers up loads.
+ The pancake mix makes fluffy pancakes every time.
+ The coffee beans are fresh and smell amazing.
+ The tea is fragrant and calming.
+ The chocolate is smooth and rich.
+ The delivery driver waited while I came downstairs.
+ The driver carried the heavy box up four flights of stairs.
+ They called to let me know it would be a bit late.
+ They upgraded my delivery for free.
+ They sent the missing part the next day.
+ They replied within minutes on a Sunday.
+ They took it back without any questions.
+ The refund hit my account the next morning.
+ They gave us a free dessert for the wait.
+ The owner came over to chat and make sure we were happy.
+ The chef adjusted the dish for my allergy without any problem.
+ the food was great, no complaints
+ fast delivery, nothing missing, food hot
+ not bad at all tbh
+ no issues, would buy again
+ didnt leak at all
+ never had a bad order
+ wasnt expecting it to be this good
+ soo comfy
+ luv it
+ realy good quality
+ gret value
+ perfect fit, no complaints
+ amazin service
+ the burger was fire
+ banging food as always
+ proper tasty
+ Fab.
+ Brill, thanks.
+ Spot on.
+ Cracking meal.
+ Top notch.
+ Chef's kiss.
+ Legit the best kebab in town.
+ A solid five stars.
+ Easily the best order we've had this year.
+ I'm genuinely impressed.
+ Really pleased with how fast it came.
+ Ordered on Monday, arrived Tuesday, works perfectly.
+ Second time ordering and it was even better.
+ We ordered for a party and everyone loved it.
+ Everyone asked where the food was from.
+ My husband wants to order it again tomorrow.
+ Bought one, then went back and bought two more.
+ The pizza arrived hot, the crust was crisp and the toppings were generous. Best Friday night in ages.
+ First time trying this place. The curry was rich and fragrant, and the naan was huge. We'll be back.
+ Great little kettle. Boils quickly, switches off on its own and doesn't drip when you pour.
+ I was sceptical about buying a sofa online. It arrived on time, took ten minutes to put together and it's so comfortable.
+ The boots are warm and completely waterproof. I walked through puddles all winter with dry feet.
+ These leggings are thick, soft and don't go see-through. I've ordered two more pairs.
+ Nice and quick. Driver was polite. Food was fresh and tasty.
+ Bought it for my son's birthday. He hasn't stopped playing with it and it's survived a lot of rough play.
+ The order was a bit late because of the snow, but they kept me updated and everything was still warm.
+ I had a problem with the first one. Customer service sent a new one straight away and it's been great since.
+ Lovely thick mugs. They keep tea warm and went through the dishwasher fine.
+ The desk took a while to build. Once it was done, it's rock solid and looks great.

# --- Positive: plain descriptions of things that went right ---
+ They replaced the broken mug without asking me to send it back.
+ A glass was cracked, and they sent a new set the next day.
+ The parcel was late, but they refunded the shipping without me asking.
+ My order was wrong and they brought the right one within twenty minutes.
+ The driver noticed a missing drink and went back for it.
+ The chef came out to ask how everything was.
+ They kept the food warm while we waited for our friends.
+ They remembered us from last time and our usual order.
+ The staff split the bill without any fuss.
+ The waiter suggested a dish I'd never have picked and it was the best thing I ate all year.
+ We turned up without a booking and they still squeezed us in.
+ They made a special dessert for my mum's birthday.
+ The kids' menu is proper food, not just nuggets.
+ They have high chairs and the staff helped with the pram.
+ The food was on the table within ten minutes.
+ The pizza had cheese right to the edge.
+ The crust was airy with nice big bubbles.
+ The fries were hot and salty, exactly how fries should be.
+ Every roll was packed with salmon.
+ The curry had big chunks of tender lamb.
+ The portion of chips could feed two people.
+ There was plenty of sauce and extra bread to mop it up.
+ The broth tasted like it had been simmering all day.
+ The tomatoes tasted like tomatoes for once.
+ The bread was baked this morning and you can tell.
+ The coffee was hot and the croissant still warm.
+ The ice cream was still frozen when it arrived.
+ Everything in the order was labelled and in separate boxes.
+ The bag was sealed with a sticker and nothing had moved.
+ The tracking was accurate to the minute.
+ The parcel came the day after I ordered.
+ The furniture came with a tool and every screw we needed.
+ The instructions were clear and the holes lined up perfectly.
+ The shelves hold my records and haven't bent at all.
+ The bed doesn't make a sound when I turn over.
+ The chair adjusts easily and stays at the height I set.
+ The sofa cushions bounce back every morning.
+ The rug lies flat and hasn't moved on the wooden floor.
+ The curtains hang nicely and block the street light.
+ The duvet keeps me warm without overheating.
+ The towels are still fluffy after months of washing.
+ The jacket zip runs smoothly and the pockets are deep.
+ The jeans have a bit of stretch and keep their shape all day.
+ The jumper hasn't pilled after a whole winter.
+ The t-shirt print still looks new after loads of washes.
+ The shoes needed no breaking in and my feet stay dry.
+ The boots have a proper grip and the lining is warm.
+ The dress hangs beautifully and the fabric doesn't crease.
+ The suit fits like it was tailored.
+ The watch is light and I forget I'm wearing it.
+ The phone lasts two days with heavy use.
+ The screen is readable even in bright sun.
+ The earbuds stay in during runs and the sound is rich.
+ The laptop wakes instantly and the battery lasts a full work day.
+ The keyboard is quiet and the keys have a nice feel.
+ The monitor colours are accurate straight out of the box.
+ The router covers the whole house, even the garden.
+ The printer connects to my phone without any fuss.
+ The camera focuses fast and the photos are sharp.
+ The console runs quietly and loads games quickly.
+ The cable is long enough to reach the sofa.
+ The adapter works in every country I've travelled to.
+ The bulb is bright and the colour is warm.
+ The smart speaker understands my kids, which is saying something.
+ The bottle opens with one hand and closes with a click.
+ The flask keeps soup hot until the afternoon.
+ The mug handle is comfortable and it's the perfect size.
+ The pan handle stays cool while cooking.
+ The coating is still perfect after a year.
+ The knives stay sharp for months.
+ The grater is super sharp and easy to clean.
+ The storage jars keep everything fresh.
+ The kettle is so quiet I didn't notice it had boiled.
+ The grinder gives an even grind every time.
+ The toaster does bagels and crumpets perfectly.
+ The face cream has no smell and doesn't sting.
+ The lip balm keeps my lips soft all day.
+ The shampoo makes my hair feel clean for days.
+ The makeup brushes are soft and don't shed.
+ The toy has no sharp edges and feels safe for my baby.
+ The teddy has survived the washing machine twice.
+ The bike is light and the gears change smoothly.
+ The trampoline was easy to put up and feels very safe.
+ The paddling pool held up to three kids all summer.
+ The dog bowl doesn't slide around.
+ The cat tree is sturdy and the cats fight over the top spot.
+ The book arrived in perfect condition, like new.
+ The puzzle had every piece and the picture is stunning.
+ They packed the glass bowl so well it could have survived a fall.
+ They answered my question within an hour, even on a weekend.
+ They sent a free sample with my order.
+ They included a handwritten thank you note.
+ The refund was in my account two days after they got the return.
+ The return label was already in the box.
+ They let me exchange the size for free.
+ They checked my order before sending and called about a missing colour.
+ It was the right size first time.
+ It matches the photos exactly.
+ It fits my small balcony perfectly.
+ It works with all my old accessories.
+ It was easy to clean after a messy dinner.
+ It still works after being left out in the rain.
+ It took ten minutes to set up and it's worked ever since.
+ It was cheaper than in the shops and arrived faster.
+ The colour is even nicer than on the website.
+ Lasts much longer than my old one.
+ Keeps the room warm all evening.
+ Kept our drinks cold all day at the beach.
+ Kept the kids busy for a whole rainy afternoon.
+ Did exactly what I needed.
+ Makes my morning coffee in under a minute.
+ Saves me so much time.
+ Takes up hardly any space.
+ Holds a lot more than it looks.
+ Feels far more expensive than it was.

# --- More negative reviews across products and restaurants ---
- The pizza was undercooked and doughy in the middle.
- The chips were burnt and the fish was cold.
- The burger came without the cheese I paid for.
- Ordered a large pizza and got a medium.
- The falafel wrap was missing the falafel.
- The chicken tasted rubbery and reheated.
- The salad was mostly lettuce stalks.
- The portion was about four forkfuls.
- The delivery took an hour and a half.
- The food was delivered to my neighbour.
- The driver asked me to come down to the street, then drove off.
- The food arrived upside down and mixed together.
- Soup everywhere, the lid wasn't on properly.
- The sauce was gluey and tasted of flour.
- The pizza cheese was rubbery and the base was like a cracker.
- The curry was so oily it soaked through the bag.
- The fried chicken was soggy instead of crunchy.
- The burrito was cold in the middle.
- The coffee was weak and watery.
- The tea was stewed and bitter.
- The bagel was hard as a rock.
- The muffins were dry and tasted stale.
- The sandwich bread was soggy from the tomato.
- We were served cold plates with cold food.
- The waitress rolled her eyes when we asked for water.
- The host was rude and made us wait by the door.
- The food was fine but we waited an hour between courses.
- The dessert menu was nice but everything was sold out.
- The bathroom was dirty and had no soap.
- The glasses were dirty and the cutlery had food stuck on it.
- Our reservation was lost and they had no tables.
- The wine was served warm.
- The bill was wrong and they argued about it.
- The card machine didn't work and they wanted cash only.
- They overcharged us for the drinks.
- The lunch special was not available at lunch.
- The rice had a strange smell.
- The prawns were mushy and smelled of ammonia.
- The egg fried rice was mostly rice with no egg.
- The spring rolls were greasy and empty inside.
- The noodles were bland and stuck together in a lump.
- The kebab was cold and the salad was wilted.
- The samosas were cold and soggy.
- The tikka was dry and chewy.
- The cheese was barely melted.
- The pizza was so thin in the middle it tore when I picked it up.
- Nowhere near the quality of their other branch.
- The food has gone downhill.
- The food has got worse every time.
- The prices have doubled and the portions halved.
- It's gone downhill since the new owners took over.
- Used to love it, now it's just average.
- This was my last order from them.
- My last three orders have all been wrong.
- This keeps happening with this restaurant.
- The order was an hour late and they said it was my fault.
- I got a different pizza and they told me to just eat it.
- The phone number on the website doesn't work.
- The jumper has a big snag on the sleeve.
- The trousers ripped along the seam the first time I sat down.
- The shirt buttons are on the wrong side and the collar is crooked.
- The dress has loose threads everywhere.
- The hat is so small it sits on top of my head.
- The gloves are too short in the fingers.
- The scarf sheds fluff on everything I wear.
- The pyjamas shrank so much my son can't wear them.
- The swimsuit went see-through when wet.
- The bra straps keep slipping and the underwire poked out.
- The sandals broke when I stepped off a curb.
- The slippers have no grip and I slipped on the stairs.
- The running shoes rubbed the back of my heel raw.
- The insoles came loose and bunch up.
- The handbag lining ripped within a week.
- The backpack straps came unstitched.
- The earphones are so quiet I can't hear anything on the bus.
- The microphone picks up every noise except my voice.
- The charger makes a buzzing sound and gets very hot.
- The power bank takes a whole day to charge.
- The smart plug keeps going offline.
- The router drops the connection every evening.
- The tablet freezes when I open more than one app.
- The game controller drifts to the left.
- The camera battery drains even when it's off.
- The tripod legs collapse on their own.
- The speaker won't pair with my laptop.
- The TV remote stopped working after a week.
- The projector is blurry at the edges.
- The hard drive died after four months and I lost everything.
- The memory card is much slower than advertised.
- The HDMI cable only works if you hold it in place.
- The fitness tracker strap gave me a rash.
- The electric toothbrush stopped holding a charge.
- The hair dryer smells of burning.
- The straighteners don't get hot enough.
- The shaver pulls hairs instead of cutting them.
- The bathroom scale shows a different weight every time I step on it.
- The garden chairs rusted after one summer.
- The parasol snapped in a light wind.
- The barbecue grill rusted through in months.
- The lawn mower won't start.
- The plant pot cracked in the first frost.
- The bird feeder fell apart in the rain.
- The shelves arrived without any fixings.
- The cupboard doors don't line up.
- The bed frame squeaks every time I move.
- The bedside table arrived scratched and chipped.
- The office chair sinks down every few minutes.
- The desk surface scratches if you look at it.
- The mirror is distorted and makes me look wavy.
- The bath mat went mouldy within weeks.
- The shower head leaks at the joint.
- The tap drips even when it's fully closed.
- The bin lid doesn't close and smells.
- The mop head fell off.
- The dish rack rusted and left marks on the counter.
- The oven gloves are thin and I burnt my hand.
- The baking tray warped in the oven.
- The cake tin leaks and the batter ran out.
- The wooden spoon split in half.
- The chopping board cracked after washing.
- The glasses came out of the dishwasher cloudy.
- The cutlery has rust spots after a month.
- The teapot drips all over the table.
- The pepper grinder doesn't grind.
- The tin opener doesn't open tins.
- The slow cooker burns the food on the bottom.
- The rice cooker leaves the rice half cooked.
- The juicer is impossible to clean and leaks juice everywhere.
- The food processor lid cracked the first time.
- The microwave turntable doesn't turn.
- The dishwasher tablets leave a white film on everything.
- The kids' scooter wheel fell off.
- The bike lights stopped working in the rain.
- The helmet strap buckle broke.
- The yoga mat is slippery and smells of rubber.
- The dumbbells have a strong chemical smell and the coating is flaking.
- The foundation oxidised and turned orange on my face.
- The concealer creases and looks cakey.
- The eyeshadow has no pigment at all.
- The face wash dried my skin out completely.
- The hair mask made my hair greasy and flat.
- The deodorant stopped working by lunchtime.
- The body lotion smells like cheap plastic.
- The serum bottle dropper doesn't work.
- The nail file crumbled.
- The fake tan went streaky and orange.
- The teddy's eye came off, which is dangerous for a baby.
- The building blocks don't click together.
- The play tent collapsed when my daughter went inside.
- The slime dried out after one day.
- The remote control car only goes forward.
- The crayons snap as soon as you use them.
- The colouring book pages are too thin and the pens bleed through.
- The dog harness rubbed my dog's armpits.
- The cat litter is dusty and smells.
- The fish tank filter is so loud we turned it off.
- The hamster cage door doesn't lock.
- The pet food bag was torn open.
- The printer cartridges were empty when they arrived.
- The notebook pages fall out.
- The pens ran dry within a day.
- The backpack for school is too small for a folder.
- The lunch bag zip broke and the strap came off.

# --- Typical short reviews, both ways ---
+ Tasty food and quick delivery, thanks!
+ Lovely pizza, crispy base and loads of toppings.
+ Really nice curry, will definitely get it again.
+ Good food, good prices, friendly staff.
+ Amazing breakfast, the eggs were perfect.
+ The chicken burger was spot on.
+ Gorgeous cakes and lovely coffee.
+ Great sushi, really fresh fish.
+ Really good kebab, best in the area.
+ The Thai green curry was lovely and fragrant.
+ Excellent fish and chips, crispy batter.
+ Really enjoyed our meal, thank you.
+ Food was fresh and hot, driver was friendly.
+ Always a pleasure ordering from here.
+ Good portion sizes and very tasty.
+ The pasta was lovely and creamy.
+ Delicious as always, never had a bad meal.
+ Superb steak, cooked to perfection.
+ Fantastic service and a lovely meal.
+ Nice little cafe with great cakes.
+ Quality food at a fair price.
+ Perfect for a quick lunch.
+ Our favourite Indian takeaway.
+ Brilliant food, brilliant service.
+ Yummy and arrived quickly.
+ Everything was lovely, thank you so much.
+ The best pho I've had.
+ Really fresh and tasty salads.
+ Great burgers and the shakes are amazing.
+ Beautiful food, beautifully presented.
+ Love this jacket, really warm.
+ Great little speaker for the price.
+ Very comfortable trainers.
+ Lovely soft towels.
+ Brilliant kettle, boils really quickly.
+ Great phone case, fits perfectly.
+ Really happy with these headphones.
+ Nice quality t-shirt, good fit.
+ The bed is really comfortable.
+ Gorgeous lamp, looks lovely in the living room.
+ Excellent knife, very sharp.
+ Lovely mug, good size.
+ Good sturdy chair.
+ My son loves his new bike.
+ My daughter loves the doll.
+ Great toy, my kids play with it all the time.
+ Lovely perfume, lasts all day.
+ Best moisturiser I've used.
+ The cream works really well on my dry skin.
+ Fab jeans, fit really well.
+ Lovely dress, got lots of compliments.
+ Comfortable and stylish shoes.
+ Very good quality bedding.
+ Brilliant vacuum, very powerful.
+ The coffee machine is fantastic.
+ Good value air fryer, works well.
+ Really good water bottle.
+ Nice and warm, perfect for winter.
+ Solid desk, easy to put together.
+ Great charger, charges fast.
+ Arrived on time and works great.
+ Excellent product and quick delivery.
+ Lovely quality, really pleased.
+ Good quality and looks great.
+ Fits well and looks great.
+ Exactly what I was looking for.
+ Very nice, thank you.
+ Great purchase.
+ Well worth the money.
+ Happy with it.
+ Does the job well.
+ Good product, would recommend.
+ Very happy, would order again.
+ Great, thanks!
+ Nice one.
+ Top quality product.
+ Lovely.
+ Brilliant.
+ Excellent.
+ Very good.
+ Perfect.
+ Love them.
- Food was cold and late.
- Pizza was burnt.
- Very slow delivery.
- The curry was too oily.
- The chips were cold.
- Horrible food.
- Rude staff.
- Food was bland.
- Terrible service.
- The burger was dry.
- The order was wrong.
- Missing items.
- Way too expensive.
- Small portions.
- The chicken was cold.
- The kebab was greasy.
- Disgusting.
- Awful.
- Really bad.
- Poor.
- Rubbish.
- Not nice.
- Overpriced.
- Cold and soggy.
- Late and cold.
- Broke straight away.
- Poor quality.
- Cheap rubbish.
- Doesn't work.
- Too small.
- Too big.
- Fell apart.
- Arrived damaged.
- Wrong size.
- Not as pictured.
- Very poor quality.
- Not happy.
- Disappointing.
- Useless.
- Faulty.
- Waste of money.
- Don't buy.
- Terrible quality.
- Stopped working.
- Really uncomfortable.
- The food was horrible and cold.
- The pizza was greasy and the base was soggy.
- The fish was dry and the chips were soggy.
- The coffee tasted awful.
- The noodles were bland and oily.
- The waiter was really rude to us.
- The staff were unhelpful and slow.
- The place was dirty.
- The delivery was two hours late.
- The food was lukewarm at best.
- My order was missing a main.
- Tiny portion for the price.
- The steak was tough and chewy.
- The salad was old and soggy.
- The dessert was stale.
- The jacket is poor quality.
- The shoes are really uncomfortable.
- The dress was too small.
- The jeans are far too long.
- The kettle leaks.
- The toaster broke after a month.
- The headphones broke after two weeks.
- The charger doesn't work.
- The phone case is too loose.
- The chair is uncomfortable.
- The table arrived scratched.
- The lamp doesn't work.
- The mattress is too hard.
- The pillow is too flat.
- The towels are thin and rough.
- The bottle leaks.
- The toy broke on the first day.
- The perfume smells cheap.
- The cream irritated my skin.
- The shampoo made my hair dry.
- The bag is much smaller than expected.
- The knife is blunt.
- The pan is scratched already.
- The vacuum is really weak.
- The speaker is very quiet.
- The watch stopped after a week.
- Item arrived broken.
- Parcel arrived late and damaged.
- Poor packaging, item broken.
- Not good quality at all.
- Looks cheap.
- Feels cheap.
- Really poor fit.
- Very disappointed with this.
- Not happy at all with the quality.

# --- More positive reviews across products and restaurants ---
+ The pizza was cooked perfectly with a lovely bubbly crust.
+ The chips were golden and crunchy.
+ The burger was juicy and the bun was soft and toasted.
+ The chicken was tender and the sauce was lovely.
+ The kebab was generous and the garlic sauce was great.
+ The wrap was stuffed full and really fresh.
+ The salad was huge and full of good things.
+ The curry had real depth and just the right heat.
+ The noodles were slurpable and the broth was full of flavour.
+ The sushi rolls were neat and tasted really fresh.
+ The fried chicken was crunchy and juicy inside.
+ The coffee was rich and smooth.
+ The hot chocolate was thick and creamy.
+ The cinnamon buns were warm and gooey.
+ The bagels were soft and chewy, just right.
+ The sandwiches were fresh and well filled.
+ The cakes looked beautiful and tasted even better.
+ The pastries were flaky and light.
+ The waiter was funny and made us feel welcome.
+ The staff were lovely with our kids.
+ The service was attentive and friendly.
+ The owner is so kind and remembers our order.
+ The atmosphere was relaxed and the music was just right.
+ The restaurant was spotless.
+ They were happy to change the dish for my allergies.
+ Everything came out quickly and hot.
+ The food arrived earlier than the app said.
+ The driver was polite and the bag was sealed.
+ The food was well packed and still hot.
+ The prices are fair for the quality.
+ The lunch menu is great value.
+ It's our favourite restaurant in town.
+ The best Sunday roast around.
+ The gravy was rich and there were plenty of roast potatoes.
+ The pie had a crisp pastry and a generous filling.
+ The mac and cheese was creamy and cheesy.
+ The tofu was crispy and the sauce was amazing.
+ The vegan burger was better than most meat ones.
+ The samosas were crisp and well spiced.
+ The dal was comforting and full of flavour.
+ The pad thai was perfectly balanced, sweet, sour and salty.
+ The prawns were plump and fresh.
+ The lamb was melt in the mouth tender.
+ The ribs fell off the bone.
+ The pizza was still hot when it arrived.
+ The dessert was the perfect end to the meal.
+ Everything we ordered was delicious.
+ Everyone loved their food.
+ Brilliant food and a great atmosphere.
+ Lovely meal with family.
+ Perfect date night spot.
+ A fantastic evening, thank you.
+ This place never lets us down.
+ They always get our order right.
+ Reliable, quick and tasty every time.
+ The jumper is thick and warm without being bulky.
+ The trousers are comfortable and the fit is flattering.
+ The shirt irons easily and looks smart.
+ The dress is beautiful and flows nicely.
+ The hat fits well and keeps my ears warm.
+ The gloves are warm and I can still use my phone.
+ The scarf is soft and doesn't itch.
+ The pyjamas are soft and lovely to sleep in.
+ The swimsuit fits perfectly and holds everything in.
+ The sandals are comfortable enough for long walks.
+ The slippers are warm and have a good grip.
+ The running shoes are light and supportive.
+ The handbag is the perfect size and goes with everything.
+ The wallet is slim and the leather is lovely.
+ The earphones are clear and comfortable for hours.
+ The microphone sounds great on my calls.
+ The charger is compact and charges fast.
+ The power bank is small but charges my phone three times.
+ The smart plug was easy to set up and works every time.
+ The router has fixed our wifi problems.
+ The tablet is fast and the screen is lovely.
+ The game controller feels great and the battery lasts ages.
+ The camera takes beautiful pictures.
+ The tripod is light and very stable.
+ The speaker fills the room with sound.
+ The TV picture is gorgeous.
+ The projector is bright and sharp even in daylight.
+ The hard drive is fast and quiet.
+ The fitness tracker is accurate and comfortable.
+ The electric toothbrush leaves my teeth so clean.
+ The hair dryer is powerful and quiet.
+ The straighteners heat up fast and leave my hair smooth.
+ The garden chairs are comfortable and look great.
+ The parasol is sturdy and easy to open.
+ The barbecue heats up quickly and cooks evenly.
+ The lawn mower starts first time.
+ The plant pots are beautiful and well made.
+ The shelves were easy to put up and feel strong.
+ The bed frame is solid and silent.
+ The bedside table is lovely and the drawer runs smoothly.
+ The office chair has great back support.
+ The mirror is lovely and the frame is sturdy.
+ The bath mat is soft and dries quickly.
+ The shower head has great pressure.
+ The dish rack fits perfectly by the sink.
+ The oven gloves are thick and protect my hands.
+ The baking tray is non stick and easy to clean.
+ The cake tin releases the cake perfectly.
+ The chopping board is solid and looks lovely.
+ The glasses are elegant and feel nice to drink from.
+ The teapot pours without dripping.
+ The pepper grinder is easy to adjust.
+ The slow cooker makes tender stews.
+ The rice cooker makes perfect rice every time.
+ The juicer is easy to clean and makes lots of juice.
+ The food processor chops everything in seconds.
+ The microwave is simple to use and heats evenly.
+ The kids' scooter is sturdy and easy to steer.
+ The bike lights are really bright.
+ The helmet is light and comfortable.
+ The yoga mat is grippy and thick.
+ The dumbbells feel solid and have a nice grip.
+ The foundation looks natural and lasts all day.
+ The concealer covers my dark circles perfectly.
+ The eyeshadow is so pigmented and blends like a dream.
+ The face wash is gentle and leaves my skin clean.
+ The hair mask made my hair soft and shiny.
+ The deodorant lasts all day.
+ The body lotion absorbs fast and smells lovely.
+ The serum has made a visible difference to my skin.
+ The teddy is soft and my baby loves cuddling it.
+ The building blocks are bright and click together easily.
+ The play tent is easy to put up and the kids love it.
+ The remote control car is fast and tough.
+ The crayons are bright and don't break easily.
+ The dog harness fits well and my dog doesn't pull anymore.
+ The cat litter clumps well and there's no smell.
+ The fish tank filter is silent.
+ The pet food is a hit with my fussy cat.
+ The notebook paper is thick and pens don't bleed through.
+ The pens write smoothly.
+ The school bag is roomy and comfortable for my son.
+ The lunch bag keeps everything cool until lunchtime.
+ The candle smells amazing and burns evenly.
+ The blanket is super soft and warm.
+ The duvet is light but really warm.
+ The frame looks great on the wall.
+ The poster print is sharp and the colours are vivid.
+ The puzzle was challenging and fun.
+ The board game has become a family favourite.
+ Happy with the quality.
+ Really good quality, will order more.
+ Great shop, fast delivery and good prices.
+ Arrived safely and looks fantastic.
+ Nicely packaged and arrived on time.
+ Excellent seller, quick to respond.
+ Easy returns and quick refund.
+ Great communication from the shop.

# --- More everyday reviews ---
+ Ordered for the first time tonight and the food was lovely.
+ The lamb curry was tender and really flavourful.
+ Loved the crispy duck, we'll be ordering it again.
+ The chips were proper chunky chips, really good.
+ Great Friday night takeaway, everyone was happy.
+ Nice hot food and a really friendly driver.
+ The cheesecake was heavenly.
+ The bao buns were soft and the pork was sticky and sweet.
+ Fresh, tasty and filling.
+ The portions were big and the price was fair.
+ Great coffee and the staff are always cheerful.
+ Lovely lunch, quick service.
+ The sourdough pizza was excellent.
+ Really good vegan options.
+ Best fried chicken in town.
+ I love their garlic mayo.
+ The jacket is warm, light and looks great.
+ These socks are so soft and warm.
+ The shoes are comfortable and look smart.
+ The headphones are comfy and sound brilliant.
+ The speaker is loud and clear.
+ The blender is powerful and easy to clean.
+ The pan cooks evenly and cleans easily.
+ The bottle is great, no leaks and keeps water cold.
+ The chair is comfortable and easy to adjust.
+ The bed frame is sturdy and looks great.
+ The cushions are lovely and soft.
+ The lamp is beautiful and gives a nice light.
+ The lipstick colour is gorgeous and lasts well.
+ The moisturiser is lovely and not greasy.
+ The toy is well made and my son loves it.
+ The puzzle was great fun.
+ The dog loves his new toy.
+ Good quality, fast delivery, great price.
+ Very pleased with this purchase.
+ Quick delivery and well packaged.
+ It looks great and works perfectly.
+ Really pleased with the quality.
+ Great fit and really comfortable.
+ So glad I bought this.
+ I'm really happy with it, thank you.
+ Wonderful product, highly recommended.
+ Lovely item, arrived quickly.
+ Nice quality, looks just like the photo.
+ Would definitely buy from this shop again.
- The curry was bland and the rice was cold.
- Food arrived cold and an hour late.
- The pizza was soggy and had hardly any cheese.
- The chicken was dry and overcooked.
- The fries were cold and soggy.
- The burger was cold and the bun was squashed.
- The sushi tasted old.
- The soup was cold and salty.
- Really rude delivery driver.
- The restaurant was dirty and the food was poor.
- Slow service and cold food.
- Very small portions and expensive.
- The drinks were missing from the order.
- The cake was dry and tasteless.
- The coffee was bitter and cold.
- Awful food, never again.
- The noodles were overcooked and mushy.
- The steak was overcooked and chewy.
- Waited ages for our food.
- The staff were rude and unhelpful.
- The jacket fell apart after a month.
- The shoes are too narrow and really uncomfortable.
- The headphones stopped working after a week.
- The speaker keeps cutting out.
- The blender broke the first time I used it.
- The pan is already scratched and sticky.
- The bottle leaks and smells of plastic.
- The chair is wobbly and uncomfortable.
- The bed frame squeaks and wobbles.
- The cushions went flat straight away.
- The lamp arrived broken.
- The lipstick is dry and patchy.
- The moisturiser made my skin break out.
- The toy broke within a day.
- The puzzle had missing pieces.
- The dog destroyed the toy in minutes.
- Poor quality, slow delivery, overpriced.
- Very unhappy with this purchase.
- Took weeks to arrive and was badly packaged.
- It looks cheap and doesn't work properly.
- Terrible fit and really uncomfortable.
- I regret buying this.
- I'm really disappointed with it.
- Awful product, do not buy.
- Horrible item, arrived broken.
- Poor quality, nothing like the photo.
- Would never buy from this shop again.
0 I ordered the chicken burger and a side salad.
0 It arrived on Wednesday afternoon.
0 I bought the white one.
0 This is for a size 6 foot.
0 We ordered two large pizzas.
0 I'm using it in my kitchen.
0 I've had it for three days.
0 It comes in four colours.
0 I ordered it for my husband.
0 The order came in one box.
0 It's my second pair.
0 I ordered the lunch box set.
0 We ate there on Saturday night.
0 I bought it with a gift card.
0 It was delivered by a courier.
0 I ordered the medium.
0 My wife ordered the pasta.
0 It's the same as the one I had before.
0 I use it every morning.
0 The parcel arrived today.

# --- Everyday reviews, two or three sentences ---
+ Ordered a pizza and wings. Both were hot and tasty. Good value too.
+ The curry was lovely. Plenty of chicken and the rice was fluffy.
+ Really nice place. The staff were friendly and the food came quickly.
+ The burger was juicy and the fries were crisp. Will order again.
+ Lovely fresh sushi. Nicely packed and on time.
+ The noodles were great. Nice and spicy, just as I asked.
+ Great breakfast. The coffee was strong and the pancakes were fluffy.
+ Good food as always. The driver was polite and quick.
+ Fits perfectly and the material is lovely. Very happy.
+ Great kettle. Quiet, quick and looks nice.
+ Bought this for my daughter. She loves it and wears it every day.
+ The headphones are great. Good sound and the battery lasts ages.
+ Nice sturdy table. Easy to build and looks good.
+ The moisturiser is lovely. My skin feels soft and it smells nice.
+ Arrived quickly and well packed. The mug is beautiful.
+ Really comfortable shoes. I walked all day with no pain.
+ The blanket is so soft. Perfect for the sofa.
+ Good little vacuum. Light and picks up everything.
+ The toy is great. Sturdy and the kids love it.
+ The bottle is brilliant. Keeps water cold and fits in my bag.
+ Very good quality. Better than I expected for the price.
+ The jumper is warm and soft. Washed well too.
+ Quick delivery. Good product. Happy customer.
+ The dog bed is lovely and my dog sleeps in it every night.
+ Great coat. Warm and waterproof.
- Ordered a pizza and wings. Both were cold and the wings were dry.
- The curry was watery. Hardly any chicken and the rice was hard.
- Not a nice place. The staff were rude and the food took ages.
- The burger was dry and the fries were soggy. Won't order again.
- The sushi was warm and the rice was hard. Not good.
- The noodles were bland. Not spicy at all even though I asked.
- Poor breakfast. The coffee was weak and the eggs were cold.
- Food was late again. The driver didn't even apologise.
- Doesn't fit and the material is thin. Sending it back.
- The kettle leaks. It also takes ages to boil.
- Bought this for my daughter. It broke after two days.
- The headphones are bad. Poor sound and the battery dies quickly.
- The table wobbles. Two screws were missing too.
- The moisturiser stings. My skin went red and blotchy.
- Arrived late and the mug was chipped.
- Really uncomfortable shoes. My feet hurt after an hour.
- The blanket sheds everywhere. It's covered the sofa in fluff.
- The vacuum is weak. It barely picks anything up.
- The toy is flimsy. It snapped on the first day.
- The bottle leaks. My bag is soaked every time.
- Very poor quality. Worse than I expected even for the price.
- The jumper shrank in the wash. Now it's too short.
- Slow delivery. Damaged product. Unhappy customer.
- The dog bed is tiny and my dog won't use it.
- The coat isn't warm at all and the rain comes straight through.

# --- Mixed everyday reviews ---
+ Tasty, filling and cheap. What more could you want?
+ Loved the spicy noodles, they had a real kick.
+ The staff were brilliant with our toddler.
+ Beautiful sofa, comfy and the colour is perfect.
+ Our new go-to for pizza night.
+ Cracking value, the meal deal fed all four of us.
+ Super quick, the food was here in twenty minutes.
+ The trainers are light and my knees feel better already.
+ I'm impressed with how well the pan cleans.
+ Good solid build, feels like it will last years.
+ Every piece of the dinner set arrived intact.
+ The coffee tastes like it came from a proper cafe.
+ My skin feels hydrated all day.
+ Zero regrets, best purchase this year.
+ It's exactly as advertised and works a treat.
+ It was a gift and my mum adores it.
+ We were well looked after all evening.
+ Fresh, hot and well seasoned.
+ The waiter's recommendation was spot on.
+ Fits snugly and the strap is comfortable.
- Tasted stale and the bread was hard.
- The spicy noodles were just oily with no kick.
- The staff ignored our toddler's meal until we asked twice.
- The sofa colour is muddy and the cushions are lumpy.
- Pizza night ruined, it arrived cold and burnt.
- The meal deal was tiny, four of us left hungry.
- Forty minutes late and the driver blamed traffic.
- The trainers squeak and the insole slides around.
- Everything sticks to the pan after a week.
- It feels like it will snap if you lean on it.
- Two plates from the dinner set arrived smashed.
- The coffee tastes burnt and sour.
- My skin felt tight and dry after using it.
- Regret buying it, it's already in the drawer.
- It's nothing like advertised and barely works.
- It was a gift and I was embarrassed when it broke.
- We were forgotten about halfway through the evening.
- Cold, greasy and badly seasoned.
- The waiter brought the wrong wine and charged us for both.
- The strap rubs and the buckle keeps opening.
0 I ordered the set of six glasses.
0 We had lunch there on a Wednesday.
0 I bought it to match my other cushions.
0 My order included a side of rice.
0 The strap is adjustable.
0 It was delivered in the afternoon.
0 I'm using it in my home office.
0 The review is for the spicy version.
0 I ordered it after seeing an advert.
0 The box had a sticker with the order number.

# --- Longer reviews (25-40 words) ---
+ We ordered from here for my son's birthday party and it was a huge success: eight pizzas, all hot, all correct, the driver even helped carry them in, and the kids demolished every slice.
+ I've tried at least five water bottles over the last two years and this is the first one that hasn't leaked in my bag, kept my water cold all day and survived being dropped on concrete.
+ The sofa took a while to arrive because of the holidays, but the company kept me updated every step of the way, the delivery team were careful, and it's the comfiest seat in the house.
+ Honestly I was expecting the usual soggy delivery curry, but the naan was still soft, the rice was fluffy, the lamb was tender and the whole thing tasted like it had just come out of the kitchen.
+ These boots have been through a muddy festival, a week of hiking and a winter of commuting, and they still look smart, my feet have stayed dry and I haven't had a single blister.
- We waited over an hour for our food even though the restaurant was half empty, then the burgers came out lukewarm, the fries were limp and nobody came back to ask if everything was alright.
- I really wanted to love this coffee machine because it looks great on the counter, but it leaks from underneath every morning, the milk frother barely works and customer service just keeps sending me the manual.
- The listing said solid wood, but when it arrived it was chipboard with a thin sticker on top, two of the drawers were scratched, the screws were missing and the return costs more than I paid.
- Ordered a dress for a wedding three weeks in advance, it arrived the day after the wedding in the wrong size, and now I've been waiting a month for the refund they promised would take five days.
- The first couple of weeks were fine, but then the headphones started cutting out in one ear, the battery dropped to two hours and now they won't pair with my phone at all, so they're useless.

`;
