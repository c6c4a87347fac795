console.log("setup: nothing yet");
