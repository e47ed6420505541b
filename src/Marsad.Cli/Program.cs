Console.WriteLine("marsad");
