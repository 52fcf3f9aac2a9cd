// Hold-out sentences for the review analyser, written separately from the corpus and never
// trained on: they measure how well the model generalises (the team's own writing, MIT).
export const SENTIMENT_HOLDOUT = `
# Hold-out set: written separately from the corpus and NEVER trained on.
+ The margherita had a lovely charred crust and sweet tomato sauce.
+ Driver was early and the food was still steaming.
+ Portions could feed an army, great value.
+ Honestly the tastiest ramen in town.
+ The staff made us feel so welcome.
+ Crispy wings, sticky sauce, happy me.
+ Slightly late but everything tasted fantastic.
+ Not the fastest delivery, but the curry was superb.
+ No complaints whatsoever, will order again.
+ Wasn't disappointed at all.
+ The fish was flaky and perfectly cooked.
+ Generous fillings and fresh bread.
+ We loved every dish we tried.
+ Service was quick and the waiter was funny.
+ The dessert was a real treat.
+ Great flavours, nicely spiced.
+ My go-to Friday takeaway now.
+ Lovely brunch spot with proper coffee.
+ Nothing was missing and it arrived hot.
+ The noodles had just the right bite.
+ The cupcakes were moist and not too sweet.
+ Our order was perfect from start to finish.
+ The dumplings were plump and full of flavour.
+ We've ordered five times and it's always good.
+ The sauce was incredible, I wanted to drink it.
+ Fits true to size and the cotton is really soft.
+ The bottle keeps tea hot for hours and never leaks.
+ Battery easily lasts a whole weekend.
+ The blender makes silky smoothies in seconds.
+ The frying pan is brilliant, nothing sticks.
+ These headphones sound fantastic.
+ The cushions are plump and comfy.
+ Sturdy little table, assembled in ten minutes.
+ The moisturiser is light and my skin loves it.
+ My toddler adores this toy truck.
+ Colours are even brighter in real life.
+ The trainers are comfy right out of the box.
+ The charger is fast and stays cool.
+ Arrived well wrapped and in perfect condition.
+ The jacket kept me warm on a freezing hike.
+ Good sturdy zips and plenty of pockets.
+ I was nervous about buying furniture online but this sofa is great.
+ Runs a bit big, but the quality is fantastic.
+ The knife set is sharp and looks beautiful on the counter.
+ Works just as well as the expensive brand.
+ The lamp looks stylish and the light is soft.
+ Very pleased, it's exactly what the pictures showed.
+ The refund was processed the same day, great service.
+ They swapped the wrong size for free without any fuss.
+ The mug keeps my coffee warm during long meetings.
+ Cheap, cheerful and it works.
+ The shampoo smells lovely and my hair feels great.
+ The kids haven't put this game down all week.
+ Not flimsy at all, it feels really solid.
+ I've washed it loads and it still looks brand new.
+ Brilliant little speaker, surprisingly loud.
+ Keeps the dog busy for hours and hasn't broken.
+ Quality is top notch.
+ super comfy and looks great
+ arrived fast, works great, happy customer
+ the earrings are so pretty
+ perfect size for my desk
+ cant fault it
+ good stuff, thanks
+ really happy with the chair
- The pizza was lukewarm and the base was soggy.
- Our drinks never showed up.
- The order turned up an hour late and stone cold.
- The rice was crunchy and the chicken was dry.
- Found a piece of plastic in my noodles.
- The kebab meat was gristly and cold.
- They forgot half of what we ordered.
- The fries tasted like old oil.
- The soup container had split and leaked all over the bag.
- We waited forty minutes just to get menus.
- The burger bun was stale.
- The waiter brought the wrong dishes twice.
- The salmon smelled funny so I didn't eat it.
- The curry was watery and tasteless.
- Paid for extra toppings that weren't there.
- The coffee was cold by the time it reached the table.
- The pasta was overcooked and swimming in sauce.
- My salad had a bug in it.
- The delivery driver left it at the wrong building.
- The staff seemed annoyed that we were there.
- Way too much salt in everything.
- Nice decor, but the food was bland.
- The starters were good but the mains arrived cold.
- Quick delivery, shame the order was wrong.
- Not worth the hype.
- Wasn't hot, wasn't fresh.
- The steak was more gristle than meat.
- The dessert was frozen solid in the middle.
- I won't be ordering again.
- The milkshake lid came off and it spilled everywhere.
- The sleeves unravelled after two washes.
- The bottle started leaking after a week.
- The shoes fell apart within a month.
- It stopped charging after ten days.
- The kettle lid snapped off.
- Much thinner than it looks in the photos.
- The drawer runners broke during assembly.
- The colour washed out after one wash.
- The lid on the container cracked in the dishwasher.
- The left speaker stopped working.
- The hoodie shrank and now it's too short.
- The toy's wheels came off on day one.
- The mattress has a lump in the middle.
- The cream made my face sting and go red.
- The parcel took three weeks and arrived damaged.
- Sent the wrong model and won't take it back.
- The chair wobbles and one leg is shorter.
- The pan's handle got loose after a few uses.
- The headphones crackle when I move my head.
- The screen went black after the first update.
- Had to return it, the zip was broken.
- The print on the shirt peeled off after one wash.
- Looks lovely, but it broke after two uses.
- It fits, but the fabric is scratchy and thin.
- Great price, but it rusted within weeks.
- Not sturdy enough for a toddler.
- Didn't work out of the box.
- The perfume fades within an hour.
- Customer service ignored my messages.
- I'm still waiting for the refund.
- the strap snapped the first day
- arrived broken and smelled funny
- leaks from the bottom
- still havent got my parcel
- half the screws missing
- tiny and flimsy, not as pictured
0 I ordered a size 12 in the green.
0 We ordered the family meal deal.
0 It arrived on Saturday morning.
0 I bought this for my office.
0 This is the 1 litre version.
0 Delivered to the front desk.
0 I ordered pad thai and spring rolls.
0 My daughter is six and this was for her party.
0 It uses a USB cable to charge.
0 The sofa came in two boxes.
0 We ate in rather than ordering delivery.
0 I bought two, one for home and one for work.
0 I haven't used it yet.
0 I chose the express shipping option.
0 The desk is made of oak veneer.
0 I ordered it in black.
0 This is my first review.
0 I've only had it for a day.
0 The pizza was for four of us.
0 The kettle holds 1.7 litres.
`;
